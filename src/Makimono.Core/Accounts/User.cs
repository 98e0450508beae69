namespace Makimono.Accounts;

/// <summary>An account. Works are never credited to a user directly, only to one of its pseuds.</summary>
public class User
{
    public int Id { get; set; }
    public required string UserName { get; set; }
    /// <summary>Upper-cased user name, so "Kiri" and "kiri" cannot both sign up.</summary>
    public required string NormalizedUserName { get; set; }
    /// <summary>The name's UTS #39 skeleton (see <see cref="ConfusableNames"/>), so "аlice" in Cyrillic cannot sign up beside "alice".</summary>
    public string? NameSkeleton { get; set; }
    public required string Email { get; set; }
    public required string PasswordHash { get; set; }
    public bool IsAdmin { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Pseud> Pseuds { get; set; } = [];
}
