using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Responses.Kudos;

internal sealed class KudosConfiguration : IEntityTypeConfiguration<Kudos>
{
    public void Configure(EntityTypeBuilder<Kudos> b)
    {
        b.ToTable("Kudos", t => t.HasCheckConstraint("CK_Kudos_UserOrGuest",
            """("UserId" IS NULL) <> ("GuestKey" IS NULL)"""));
        b.HasKey(k => k.Id);
        b.Property(k => k.GuestKey).HasMaxLength(Kudos.GuestKeyLength);
        b.HasOne(k => k.Work).WithMany().HasForeignKey(k => k.WorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(k => k.User).WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        // NULLs are distinct in a unique index on both providers, so a user's row and a guest's row never collide,
        // while two racing inserts for one user, or one guest address, on one work leave one row.
        b.HasIndex(k => new { k.WorkId, k.UserId }).IsUnique();
        b.HasIndex(k => new { k.WorkId, k.GuestKey }).IsUnique();
        b.HasIndex(k => k.UserId);
    }
}
