using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Reading.Hits;

/// <summary>
/// That one visitor already counted as a hit on a work on one (UTC) day. The primary key makes the flush's insert
/// idempotent, so two web nodes that each buffered the same visitor count one hit between them. The key is a keyed
/// hash of the user id or the address (<c>VisitorKeys</c>), never the address itself, and rows are pruned once
/// their day is over (<c>HitPruning</c>): raw visits are not kept.
/// </summary>
public class HitVisitor
{
    public int WorkId { get; set; }
    public DateOnly Day { get; set; }
    public required byte[] VisitorKey { get; set; }

    public const int KeyLength = 16;
}

internal sealed class HitVisitorConfiguration : IEntityTypeConfiguration<HitVisitor>
{
    public void Configure(EntityTypeBuilder<HitVisitor> b)
    {
        b.ToTable("HitVisitors");
        b.HasKey(v => new { v.WorkId, v.Day, v.VisitorKey });
        b.Property(v => v.VisitorKey).HasMaxLength(HitVisitor.KeyLength);
        // No foreign key to the work: a work deleted while its hits sit in a buffer must not fail the whole batch,
        // and its rows go with the day's pruning anyway.
        b.HasIndex(v => v.Day);
    }
}
