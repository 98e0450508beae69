namespace Makimono.Tags.Wrangling;

/// <summary>What a wrangling operation did: the log entry it wrote, or a message a person can act on.</summary>
public sealed record WranglingResult(int? EntryId, string? Error)
{
    public bool Succeeded => Error is null;

    public static WranglingResult Failed(string error) => new(null, error);
}
