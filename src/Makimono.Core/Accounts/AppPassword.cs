using Makimono.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Accounts;

/// <summary>
/// A password for one e-reader or feed reader, used over HTTP Basic auth on the feeds, never the account password:
/// a device that leaks it leaks read access to the feeds only, and revoking it ends that device alone.
/// Only its SHA-256 is stored; it is random and long, so a slow hash would add nothing.
/// </summary>
public class AppPassword
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    /// <summary>What the user called it ("Kobo", "KOReader on the phone"), so they know which to revoke.</summary>
    public required string Label { get; set; }
    /// <summary>Hex SHA-256 of the password.</summary>
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

internal sealed class AppPasswordConfiguration : IEntityTypeConfiguration<AppPassword>
{
    public void Configure(EntityTypeBuilder<AppPassword> b)
    {
        b.Property(p => p.Label).HasMaxLength(AppPasswords.LabelMax);
        b.Property(p => p.Hash).HasMaxLength(64);
        b.HasIndex(p => p.Hash).IsUnique();
        b.HasIndex(p => p.UserId);
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
