using System.ComponentModel.DataAnnotations;

namespace Makimono.Web.Pipeline;

/// <summary>The "RateLimits" settings: how many form posts one address may make, validated at start.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>AO3 allows 5 login attempts per 20 seconds per address; guessing passwords should be slow.</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimits:LoginsPer20Seconds must be a whole number from 1 to 1000000.")]
    public int LoginsPer20Seconds { get; set; } = 5;

    /// <summary>
    /// Sign-ups per address in an hour: enough for a household or a classroom behind one address, too few to fill the
    /// archive with accounts (each of which may post).
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimits:SignUpsPerHour must be a whole number from 1 to 1000000.")]
    public int SignUpsPerHour { get; set; } = 10;

    /// <summary>
    /// Posts of the forms that send mail (forgot password, change of address, confirmation again) per address in an
    /// hour: enough for typos and a slow inbox, too few to use the archive to flood someone's mailbox.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimits:MailsPerHour must be a whole number from 1 to 1000000.")]
    public int MailsPerHour { get; set; } = 10;

    /// <summary>
    /// Wrong passwords for one user name, from any address, before logging in with that name pauses (AO3 also limits
    /// per login): enough for someone who has forgotten which password they used, far too few to guess one.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimits:FailedLoginsPerAccount must be a whole number from 1 to 1000000.")]
    public int FailedLoginsPerAccount { get; set; } = 10;

    /// <summary>How far back <see cref="FailedLoginsPerAccount"/> counts, and so how long the pause lasts at most.</summary>
    [Range(1, 24 * 60, ErrorMessage = "RateLimits:FailedLoginWindowMinutes must be a whole number from 1 to 1440.")]
    public int FailedLoginWindowMinutes { get; set; } = 15;

    public TimeSpan FailedLoginWindow => TimeSpan.FromMinutes(FailedLoginWindowMinutes);
}
