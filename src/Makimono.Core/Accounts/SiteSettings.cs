using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Accounts;

public static class SiteSettings
{
    private const string SignUpKey = "SignUpMode";

    public static async Task<SignUpMode> GetSignUpModeAsync(ArchiveDbContext db, CancellationToken ct = default)
    {
        var value = await db.SiteSettings.Where(s => s.Key == SignUpKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return Enum.TryParse<SignUpMode>(value, out var mode) ? mode : SignUpMode.Open;
    }

    public static async Task SetSignUpModeAsync(ArchiveDbContext db, SignUpMode mode, CancellationToken ct = default)
    {
        var setting = await db.SiteSettings.FindAsync([SignUpKey], ct);
        if (setting is null)
        {
            db.SiteSettings.Add(new SiteSetting { Key = SignUpKey, Value = mode.ToString() });
        }
        else
        {
            setting.Value = mode.ToString();
        }
        await db.SaveChangesAsync(ct);
    }
}
