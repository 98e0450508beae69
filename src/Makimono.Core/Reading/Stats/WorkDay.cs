using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Makimono.Reading.Stats;

/// <summary>
/// What one work received on one (UTC) day. Statistics keep these daily figures, never the events behind them;
/// weeks and months are sums of days. Hits are added by the hit flush; the responses (kudos, comments, bookmarks,
/// subscriptions) are recounted by <c>StatsRollup</c> for the days that may still change.
/// </summary>
public class WorkDay
{
    public int WorkId { get; set; }
    public Work Work { get; set; } = null!;
    public DateOnly Day { get; set; }
    public int Hits { get; set; }
    public int Kudos { get; set; }
    public int Comments { get; set; }
    public int Bookmarks { get; set; }
    public int Subscriptions { get; set; }
}

internal sealed class WorkDayConfiguration : IEntityTypeConfiguration<WorkDay>
{
    public void Configure(EntityTypeBuilder<WorkDay> b)
    {
        b.ToTable("WorkDays");
        b.HasKey(d => new { d.WorkId, d.Day });
        b.HasOne(d => d.Work).WithMany().HasForeignKey(d => d.WorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.Day);
    }
}
