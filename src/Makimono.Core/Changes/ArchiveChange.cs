using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Changes;

/// <summary>
/// One row of the change log: a work or a tag that a save changed, written in the same transaction as the change
/// (<see cref="ChangeLogWriter"/>). Readers (tag autocomplete, the search index, later subscriptions) remember the
/// last id they applied and catch up from there, so every web node in front of one database sees every change.
/// </summary>
public class ArchiveChange
{
    public long Id { get; set; }
    /// <summary>No foreign key: the row must outlive a deleted work, which is exactly what readers need to hear about.</summary>
    public int? WorkId { get; set; }
    public int? TagId { get; set; }
}

internal sealed class ArchiveChangeConfiguration : IEntityTypeConfiguration<ArchiveChange>
{
    public void Configure(EntityTypeBuilder<ArchiveChange> b)
    {
        b.ToTable("ArchiveChanges");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
    }
}
