using System.ComponentModel.DataAnnotations;

namespace Makimono.Reading.Hits;

/// <summary>The "Hits" settings: how the work page's visits are buffered before they are written, validated at start.</summary>
public sealed class HitOptions
{
    public const string Section = "Hits";

    /// <summary>A reader's hit reaches the work's count within this many seconds.</summary>
    [Range(1, 3600, ErrorMessage = "Hits:FlushSeconds must be a whole number of seconds from 1 to 3600.")]
    public int FlushSeconds { get; set; } = 5;

    /// <summary>A buffer holding this many visits is written at once, without waiting for <see cref="FlushSeconds"/>.</summary>
    [Range(1, 10_000, ErrorMessage = "Hits:FlushBatch must be a whole number from 1 to 10000.")]
    public int FlushBatch { get; set; } = 500;

    /// <summary>
    /// While the database cannot be written (an outage), visits wait in memory up to this many; later ones are dropped
    /// (and counted in the log) rather than letting memory grow without end.
    /// </summary>
    [Range(1000, 10_000_000, ErrorMessage = "Hits:MaxBuffered must be a whole number from 1000 to 10000000.")]
    public int MaxBuffered { get; set; } = 100_000;

    /// <summary>
    /// How often the works whose hits grew are written to the change log, so the search index sorts and filters on
    /// current hits; each such work is re-read by every node's index, so not on every flush.
    /// </summary>
    [Range(1, 1440, ErrorMessage = "Hits:IndexRefreshMinutes must be a whole number of minutes from 1 to 1440.")]
    public int IndexRefreshMinutes { get; set; } = 10;
}
