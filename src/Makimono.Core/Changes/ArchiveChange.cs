using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Changes;

/// <summary>
/// One row of the change log: a work or a tag that a save changed, or a reader's response (<see cref="Subject"/>),
/// written in the same transaction as the change (<see cref="ChangeLogWriter"/>). Readers (tag autocomplete, the
/// search index, the inbox worker) remember the last id they applied and catch up from there, so every web node in
/// front of one database sees every change.
/// </summary>
public class ArchiveChange
{
    public long Id { get; set; }
    /// <summary>No foreign key: the row must outlive a deleted work, which is exactly what readers need to hear about.</summary>
    public int? WorkId { get; set; }
    public int? TagId { get; set; }
    /// <summary>Set on rows that log a response (a comment, kudos…): what kind, and its id in its own table.</summary>
    public ChangeSubject? Subject { get; set; }
    public long? SubjectId { get; set; }
}

/// <summary>What a response row of the change log stands for. Stored as its number: append, never renumber.</summary>
public enum ChangeSubject : short
{
    Comment = 1,
    Kudos = 2,
    Bookmark = 3,
    Subscription = 4,
}

/// <summary>
/// An entity whose every insert, update and delete is logged as a response row, so the inbox worker and the
/// statistics hear about it without the page that saved it knowing either exists.
/// </summary>
public interface ILoggedResponse
{
    ChangeSubject Subject { get; }
    long SubjectId { get; }
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
