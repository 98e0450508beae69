using Makimono.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Responses.Bookmarks;

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    public void Configure(EntityTypeBuilder<Bookmark> b)
    {
        b.ToTable("Bookmarks", t => t.HasCheckConstraint("CK_Bookmarks_WorkOrSeries", """("WorkId" IS NULL) <> ("SeriesId" IS NULL)"""));
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Pseud).WithMany().HasForeignKey(x => x.PseudId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Work).WithMany().HasForeignKey(x => x.WorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Series).WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Cascade);
        // One bookmark per user per work and per series; NULLs never collide, so the series bookmarks pass the first.
        b.HasIndex(x => new { x.UserId, x.WorkId }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.SeriesId }).IsUnique();
        b.HasIndex(x => new { x.WorkId, x.IsPrivate });
        b.HasIndex(x => x.SeriesId);
        b.HasIndex(x => x.PseudId);
    }
}

internal sealed class BookmarkTagConfiguration : IEntityTypeConfiguration<BookmarkTag>
{
    public void Configure(EntityTypeBuilder<BookmarkTag> b)
    {
        b.ToTable("BookmarkTags");
        b.HasKey(t => new { t.BookmarkId, t.NormalizedName });
        b.Property(t => t.Name).HasMaxLength(TagName.MaxLength);
        b.Property(t => t.NormalizedName).HasMaxLength(TagName.MaxLength * 2);
        b.HasOne(t => t.Bookmark).WithMany(x => x.Tags).HasForeignKey(t => t.BookmarkId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.NormalizedName);
    }
}
