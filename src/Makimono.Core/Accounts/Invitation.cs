namespace Makimono.Accounts;

/// <summary>A one-time code that lets one person sign up while sign-up is invitation-only.</summary>
public class Invitation
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? UsedByUserId { get; set; }
    public DateTime? UsedAt { get; set; }
}
