using Makimono.Accounts;

namespace Makimono.Search;

/// <summary>
/// The one seam every listing asks: a <see cref="WorkQuery"/> in, the page's work ids, total and counts out. The
/// database answers it (<see cref="DatabaseWorkSearch"/>); the search index may answer it instead.
/// </summary>
public interface IWorkSearch
{
    /// <summary>Only works the viewer may see (<see cref="Works.WorkAccess"/>), and none that the viewer's filters take out.</summary>
    Task<WorkQueryResult> FindAsync(WorkQuery query, Viewer viewer, ViewerFilters filters, CancellationToken ct);
}
