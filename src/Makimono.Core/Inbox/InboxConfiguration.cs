using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Inbox;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.Ignore(s => s.Target);
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Work).WithMany().HasForeignKey(s => s.WorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.TargetUser).WithMany().HasForeignKey(s => s.TargetUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Series).WithMany().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.SavedSearch).WithMany().HasForeignKey(s => s.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
        // Both databases treat NULLs as distinct in a unique index, so each index binds only its own kind of target.
        b.HasIndex(s => new { s.UserId, s.WorkId }).IsUnique();
        b.HasIndex(s => new { s.UserId, s.TargetUserId }).IsUnique();
        b.HasIndex(s => new { s.UserId, s.SeriesId }).IsUnique();
        b.HasIndex(s => new { s.UserId, s.SavedSearchId }).IsUnique();
        // The worker looks subscribers up by target.
        b.HasIndex(s => s.WorkId);
        b.HasIndex(s => s.TargetUserId);
        b.HasIndex(s => s.SeriesId);
        b.HasIndex(s => s.SavedSearchId);
        b.ToTable(t => t.HasCheckConstraint("CK_Subscriptions_OneTarget",
            """(CASE WHEN "WorkId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "TargetUserId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "SeriesId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "SavedSearchId" IS NULL THEN 0 ELSE 1 END) = 1"""));
    }
}

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.Property(i => i.Id).ValueGeneratedOnAdd();
        b.HasOne(i => i.Recipient).WithMany().HasForeignKey(i => i.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Work).WithMany().HasForeignKey(i => i.WorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.RecipientUserId, i.Kind, i.WorkId, i.SourceId }).IsUnique();
        // The inbox page and the unread count in the header.
        b.HasIndex(i => new { i.RecipientUserId, i.ReadAt });
        b.HasIndex(i => i.WorkId);
        // A deleted comment or kudos takes its items along.
        b.HasIndex(i => new { i.Kind, i.SourceId });
    }
}

internal sealed class ChangeLogPositionConfiguration : IEntityTypeConfiguration<ChangeLogPosition>
{
    public void Configure(EntityTypeBuilder<ChangeLogPosition> b)
    {
        b.HasKey(p => p.Name);
        b.Property(p => p.Name).HasMaxLength(ChangeLogPosition.NameMax);
    }
}
