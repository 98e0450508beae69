using Makimono.Accounts;
using Makimono.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Database;

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

internal sealed class WorkConfiguration : IEntityTypeConfiguration<Work>
{
    public void Configure(EntityTypeBuilder<Work> b)
    {
        b.Property(w => w.Title).HasMaxLength(Limits.TitleMax);
        b.Property(w => w.Language).HasMaxLength(35);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasIndex(w => new { w.IsDraft, w.IsHidden, w.UpdatedAt });
        b.HasMany(w => w.Chapters).WithOne(c => c.Work).HasForeignKey(c => c.WorkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChapterConfiguration : IEntityTypeConfiguration<Chapter>
{
    public void Configure(EntityTypeBuilder<Chapter> b)
    {
        b.Property(c => c.Title).HasMaxLength(Limits.TitleMax);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.WorkId, c.Position });
    }
}

internal sealed class WorkCreatorConfiguration : IEntityTypeConfiguration<WorkCreator>
{
    public void Configure(EntityTypeBuilder<WorkCreator> b)
    {
        b.HasKey(c => new { c.WorkId, c.PseudId });
        b.HasOne(c => c.Work).WithMany(w => w.Creators).HasForeignKey(c => c.WorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Pseud).WithMany(p => p.Creatorships).HasForeignKey(c => c.PseudId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.PseudId);
    }
}

internal sealed class WorkTagConfiguration : IEntityTypeConfiguration<WorkTag>
{
    public void Configure(EntityTypeBuilder<WorkTag> b)
    {
        b.HasKey(t => new { t.WorkId, t.TagId });
        b.HasOne(t => t.Work).WithMany(w => w.Tags).HasForeignKey(t => t.WorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Tag).WithMany(t => t.Works).HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.TagId);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    private static readonly DateTime SeededAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(t => t.Name).HasMaxLength(TagName.MaxLength);
        b.Property(t => t.NormalizedName).HasMaxLength(TagName.MaxLength * 2);
        b.HasIndex(t => t.NormalizedName).IsUnique();
        b.HasIndex(t => new { t.Type, t.IsCanonical });
        b.HasOne(t => t.Merger).WithMany().HasForeignKey(t => t.MergerId).OnDelete(DeleteBehavior.Restrict);
        b.HasData(FixedTags.All.Select(f => new Tag
        {
            Id = f.Id,
            Name = f.Name,
            NormalizedName = TagName.Normalize(f.Name),
            Type = f.Type,
            IsCanonical = true,
            CreatedAt = SeededAt,
        }));
    }
}

internal sealed class SeriesConfiguration : IEntityTypeConfiguration<Series>
{
    public void Configure(EntityTypeBuilder<Series> b)
    {
        b.Property(s => s.Title).HasMaxLength(Limits.TitleMax);
        b.HasOne(s => s.Owner).WithMany().HasForeignKey(s => s.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SeriesWorkConfiguration : IEntityTypeConfiguration<SeriesWork>
{
    public void Configure(EntityTypeBuilder<SeriesWork> b)
    {
        b.HasKey(s => new { s.SeriesId, s.WorkId });
        b.HasOne(s => s.Series).WithMany(s => s.Works).HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Work).WithMany(w => w.Series).HasForeignKey(s => s.WorkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TagParentConfiguration : IEntityTypeConfiguration<TagParent>
{
    public void Configure(EntityTypeBuilder<TagParent> b)
    {
        b.HasKey(l => new { l.ParentId, l.ChildId });
        b.HasOne(l => l.Parent).WithMany().HasForeignKey(l => l.ParentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.Child).WithMany().HasForeignKey(l => l.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.ChildId);
    }
}

internal sealed class MetaTagLinkConfiguration : IEntityTypeConfiguration<MetaTagLink>
{
    public void Configure(EntityTypeBuilder<MetaTagLink> b)
    {
        b.HasKey(l => new { l.SubTagId, l.MetaTagId });
        b.HasOne(l => l.MetaTag).WithMany().HasForeignKey(l => l.MetaTagId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.SubTag).WithMany().HasForeignKey(l => l.SubTagId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.MetaTagId);
    }
}

internal sealed class WorkFilterTagConfiguration : IEntityTypeConfiguration<WorkFilterTag>
{
    public void Configure(EntityTypeBuilder<WorkFilterTag> b)
    {
        b.HasKey(f => new { f.WorkId, f.TagId });
        b.HasOne(f => f.Work).WithMany(w => w.Filters).HasForeignKey(f => f.WorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(f => f.Tag).WithMany().HasForeignKey(f => f.TagId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.TagId);
    }
}

internal sealed class WranglerAssignmentConfiguration : IEntityTypeConfiguration<WranglerAssignment>
{
    public void Configure(EntityTypeBuilder<WranglerAssignment> b)
    {
        b.HasKey(a => new { a.UserId, a.FandomTagId });
        b.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.FandomTag).WithMany().HasForeignKey(a => a.FandomTagId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.FandomTagId);
    }
}

internal sealed class WranglingLogEntryConfiguration : IEntityTypeConfiguration<WranglingLogEntry>
{
    public void Configure(EntityTypeBuilder<WranglingLogEntry> b)
    {
        b.Property(e => e.OldName).HasMaxLength(TagName.MaxLength);
        // The log outlives nothing it refers to: tags and users are not deleted while wrangled.
        b.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Tag).WithMany().HasForeignKey(e => e.TagId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.OtherTag).WithMany().HasForeignKey(e => e.OtherTagId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.TagId);
        b.HasIndex(e => e.At);
    }
}
