using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Accounts;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.UserName).HasMaxLength(Limits.UserNameMax);
        b.Property(u => u.NormalizedUserName).HasMaxLength(Limits.UserNameMax);
        b.HasIndex(u => u.NormalizedUserName).IsUnique();
        b.Property(u => u.NameSkeleton).HasMaxLength(ConfusableNames.SkeletonMax);
        b.HasIndex(u => u.NameSkeleton);
        b.Property(u => u.Email).HasMaxLength(Mail.MailAddresses.MaxLength);
        b.Property(u => u.NormalizedEmail).HasMaxLength(Mail.MailAddresses.MaxLength);
        b.HasIndex(u => u.NormalizedEmail).IsUnique();
    }
}

internal sealed class PseudConfiguration : IEntityTypeConfiguration<Pseud>
{
    public void Configure(EntityTypeBuilder<Pseud> b)
    {
        b.Property(p => p.Name).HasMaxLength(Limits.PseudNameMax);
        b.Property(p => p.NormalizedName).HasMaxLength(Limits.PseudNameMax);
        b.HasIndex(p => new { p.UserId, p.NormalizedName }).IsUnique();
        b.HasIndex(p => p.NormalizedName);
        b.Property(p => p.NameSkeleton).HasMaxLength(ConfusableNames.SkeletonMax);
        b.HasIndex(p => p.NameSkeleton);
        b.HasOne(p => p.User).WithMany(u => u.Pseuds).HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(s => s.KeyHash).HasMaxLength(64);
        b.HasIndex(s => s.KeyHash).IsUnique();
        b.Property(s => s.Device).HasMaxLength(100);
        b.Property(s => s.Address).HasMaxLength(45);
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> b)
    {
        b.Property(f => f.NormalizedUserName).HasMaxLength(Limits.UserNameMax);
        b.HasIndex(f => new { f.NormalizedUserName, f.FailedAt });
        b.HasIndex(f => f.FailedAt);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Code).HasMaxLength(64);
        b.HasIndex(i => i.Code).IsUnique();
    }
}

internal sealed class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
    }
}
