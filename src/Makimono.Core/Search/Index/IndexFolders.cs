namespace Makimono.Search.Index;

/// <summary>
/// Where the index lives: <c>search/</c> in the data directory holds one folder per build and a file <c>current</c>
/// naming the one in use. A rebuild writes a new folder and then replaces <c>current</c> in one rename, so a reader
/// sees the old index or the new one, never half of one.
/// </summary>
public sealed class IndexFolders(string dataDirectory)
{
    public string Root { get; } = Path.Combine(dataDirectory, "search");

    private string Pointer => Path.Combine(Root, "current");

    /// <summary>The folder in use, or null when there is none yet.</summary>
    public string? Current()
    {
        if (!File.Exists(Pointer))
        {
            return null;
        }
        var name = File.ReadAllText(Pointer).Trim();
        return name.Length > 0 && Directory.Exists(Path.Combine(Root, name)) ? Path.Combine(Root, name) : null;
    }

    public string NewFolder()
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"index-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..6]}");
    }

    /// <summary>Makes <paramref name="folder"/> the one in use and deletes the folders no longer named (best effort: one may still be open elsewhere).</summary>
    public void SwapTo(string folder)
    {
        var temporary = Pointer + ".new";
        File.WriteAllText(temporary, Path.GetFileName(folder));
        File.Move(temporary, Pointer, overwrite: true);
    }

    /// <summary>Deletes build folders other than the current one and <paramref name="keep"/>.</summary>
    public void DeleteOthers(string? keep)
    {
        var current = Current();
        foreach (var folder in Directory.Exists(Root) ? Directory.GetDirectories(Root, "index-*") : [])
        {
            if (folder != current && folder != keep)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // In use by another process (a server still on the old index): its next start cleans up.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}
