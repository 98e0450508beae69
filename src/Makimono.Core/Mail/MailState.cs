using Makimono.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Mail;

/// <summary>
/// A user's mail preference and where their inbox digests stand. A user without a row has the defaults: digests on,
/// none sent yet. Kept in the database, not in a node's memory, so two web nodes never mail one user twice an hour.
/// </summary>
public class MailState
{
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    /// <summary>Whether unread inbox items are mailed (as a digest, at most one an hour) to a confirmed address.</summary>
    public bool DigestsEnabled { get; set; } = true;
    /// <summary>When the last digest was sent (claimed, to be exact: see the digest mailer); null before the first.</summary>
    public DateTime? LastDigestAt { get; set; }
    /// <summary>
    /// Inbox activity up to this time has been mailed (or was there before mail was on); a digest tells only of later
    /// activity, so no item is mailed twice.
    /// </summary>
    public DateTime? MailedThrough { get; set; }
}

internal sealed class MailStateConfiguration : IEntityTypeConfiguration<MailState>
{
    public void Configure(EntityTypeBuilder<MailState> b)
    {
        b.HasKey(s => s.UserId);
        b.Property(s => s.UserId).ValueGeneratedNever();
        b.HasOne(s => s.User).WithOne().HasForeignKey<MailState>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
