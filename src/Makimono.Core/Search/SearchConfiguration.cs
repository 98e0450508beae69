using Makimono.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Search;

internal sealed class MutedUserConfiguration : IEntityTypeConfiguration<MutedUser>
{
    public void Configure(EntityTypeBuilder<MutedUser> b)
    {
        b.HasKey(m => new { m.UserId, m.MutedUserId });
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Muted).WithMany().HasForeignKey(m => m.MutedUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.MutedUserId);
    }
}

internal sealed class BlockedTagConfiguration : IEntityTypeConfiguration<BlockedTag>
{
    public void Configure(EntityTypeBuilder<BlockedTag> b)
    {
        b.HasKey(t => new { t.UserId, t.TagId });
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.TagId);
    }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.Property(s => s.Name).HasMaxLength(SavedSearch.NameMax);
        b.Property(s => s.Query).HasMaxLength(SavedSearch.QueryMax);
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
    }
}
