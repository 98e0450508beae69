namespace Makimono.Accounts;

/// <summary>
/// One wrong password for a user name, kept only for <see cref="LoginThrottle"/>'s window. Keyed by the normalized
/// name rather than the user, so that a name with no account is counted alike and the answer reveals nothing.
/// </summary>
public class LoginFailure
{
    public long Id { get; set; }
    public required string NormalizedUserName { get; set; }
    public DateTime FailedAt { get; set; }
}
