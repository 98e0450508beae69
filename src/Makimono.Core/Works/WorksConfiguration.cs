using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Works;

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
