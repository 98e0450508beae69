using Makimono.Accounts;
using Makimono.Search;

namespace Makimono.Inbox;

/// <summary>
/// Reads a saved search's query string as the search page would run it. The filter form lives with the web pages, so
/// the web app supplies this (its listings) to the inbox worker.
/// </summary>
public interface ISavedSearchQueries
{
    Task<WorkQuery> QueryOfAsync(string queryString, Viewer viewer, CancellationToken ct);
}
