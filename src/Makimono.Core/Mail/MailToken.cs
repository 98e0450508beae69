using Makimono.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Mail;

/// <summary>What following a mailed link does. Stored as its number: append, never renumber.</summary>
public enum MailTokenPurpose : short
{
    /// <summary>Marks <see cref="MailToken.Email"/> as the user's confirmed address.</summary>
    ConfirmAddress = 1,
    /// <summary>Lets the holder set a new password once.</summary>
    ResetPassword = 2,
    /// <summary>Makes <see cref="MailToken.Email"/>, a new address, the user's (confirmed) address.</summary>
    ChangeAddress = 3,
}

/// <summary>
/// A link sent by mail: single-use and expiring. Only the SHA-256 of the token in the link is stored, so a copy of
/// this table confirms nothing and resets no password.
/// </summary>
public class MailToken
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public MailTokenPurpose Purpose { get; set; }
    /// <summary>Hex SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; set; }
    /// <summary>The address the link was sent to: the one to confirm, or the new one for a change of address.</summary>
    public required string Email { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>Set when the link is followed; a used token does nothing again.</summary>
    public DateTime? UsedAt { get; set; }
}

internal sealed class MailTokenConfiguration : IEntityTypeConfiguration<MailToken>
{
    public void Configure(EntityTypeBuilder<MailToken> b)
    {
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.Property(t => t.Email).HasMaxLength(MailAddresses.MaxLength);
        b.HasIndex(t => new { t.UserId, t.Purpose });
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
