using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Responses.Comments;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.ToTable("Comments");
        b.Ignore(c => c.Subject);
        b.Ignore(c => c.SubjectId);
        b.Property(c => c.GuestName).HasMaxLength(Limits.CommentGuestNameMax);
        b.Property(c => c.GuestEmail).HasMaxLength(Limits.EmailMax);
        b.Property(c => c.GuestAddressHash).HasMaxLength(64);
        b.HasOne(c => c.Work).WithMany().HasForeignKey(c => c.WorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Chapter).WithMany().HasForeignKey(c => c.ChapterId).OnDelete(DeleteBehavior.Cascade);
        // Comments are deleted by keeping a placeholder; the database removes replies only with their chapter.
        b.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.Pseud).WithMany().HasForeignKey(c => c.PseudId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.ChapterId, c.CreatedAt });
        b.HasIndex(c => new { c.WorkId, c.State });
        b.HasIndex(c => c.ThreadId);
        // The rate limit counts recent comments by account and by guest address.
        b.HasIndex(c => new { c.UserId, c.CreatedAt });
        b.HasIndex(c => new { c.GuestAddressHash, c.CreatedAt });
    }
}
