namespace Makimono.Accounts;

/// <summary>A setting an admin changes at run time (unlike options, which need a restart).</summary>
public class SiteSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}

public enum SignUpMode
{
    Open,
    InvitationOnly,
    Closed,
}
