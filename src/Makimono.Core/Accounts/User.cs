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
    /// <summary>
    /// Null when the person signed up without one (possible only while the archive sends no mail). An address is used
    /// for nothing but its own confirmation until <see cref="EmailConfirmedAt"/> is set.
    /// </summary>
    public string? Email { get; set; }
    /// <summary>
    /// The address upper-cased (<see cref="Mail.MailAddresses.Normalize"/>), unique when set, so one address belongs to one
    /// account however it is capitalised.
    /// </summary>
    public string? NormalizedEmail { get; set; }
    /// <summary>When the owner followed the confirmation link sent to <see cref="Email"/>; null until then.</summary>
    public DateTime? EmailConfirmedAt { get; set; }
    public required string PasswordHash { get; set; }
    public bool IsAdmin { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Pseud> Pseuds { get; set; } = [];
}
