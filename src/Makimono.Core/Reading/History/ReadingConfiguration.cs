using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Reading.History;

internal sealed class ReadingPositionConfiguration : IEntityTypeConfiguration<ReadingPosition>
{
    public void Configure(EntityTypeBuilder<ReadingPosition> b)
    {
        b.ToTable("ReadingPositions");
        b.HasKey(p => new { p.UserId, p.WorkId });
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Work).WithMany().HasForeignKey(p => p.WorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Chapter).WithMany().HasForeignKey(p => p.ChapterId).OnDelete(DeleteBehavior.SetNull);
        // "Continue reading" and the history page: a user's rows, newest first.
        b.HasIndex(p => new { p.UserId, p.LastReadAt });
        b.HasIndex(p => p.WorkId);
        b.HasIndex(p => p.ChapterId);
    }
}

internal sealed class ReadingSettingsConfiguration : IEntityTypeConfiguration<ReadingSettings>
{
    public void Configure(EntityTypeBuilder<ReadingSettings> b)
    {
        b.ToTable("ReadingSettings");
        b.HasKey(s => s.UserId);
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
