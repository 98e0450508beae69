using Makimono.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Tags;

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
