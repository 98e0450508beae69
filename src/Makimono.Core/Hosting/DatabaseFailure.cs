using System.Data.Common;

namespace Makimono.Hosting;

public static class DatabaseFailure
{
    /// <summary>The driver's own error behind <paramref name="thrown"/>, which EF may have wrapped ("likely due to a transient failure").</summary>
    public static DbException? Find(Exception thrown)
    {
        for (Exception? error = thrown; error is not null; error = error.InnerException)
        {
            if (error is DbException database)
            {
                return database;
            }
        }
        return null;
    }
}
