using Makimono.Cli;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Web.Auth;
using Makimono.Web.Autocomplete;
using Makimono.Web.Downloads;
using Makimono.Web.Feeds;
using Makimono.Web.Forms;
using Makimono.Web.Monitoring;
using Makimono.Web.Pipeline;
using Makimono.Web.WorkListings;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Web;

/// <summary>Puts the web archive together; Program.cs and the CLI only call this.</summary>
internal static class ArchiveWebApp
{
    public const string DefaultUrls = "http://localhost:5080";
    public const string LoginRateLimit = "login";
    public const string SignUpRateLimit = "signup";
    public const string MailRateLimit = "mail";

    /// <summary>Set on each rate-limited POST, so that a 429 page can say which limit was hit and how long to wait.</summary>
    public const string RateLimitMessageKey = "makimono:rate-limit-message";

    public static WebApplication Build(IDictionary<string, string?> overrides, string? urls, string[] hostArgs)
    {
        // The program's own folder holds wwwroot and the default appsettings.json, wherever it is started from;
        // a host that passes its own content root (WebApplicationFactory does) keeps it.
        var ownContentRoot = hostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = hostArgs,
            ContentRootPath = ownContentRoot ? null : AppContext.BaseDirectory,
        });
        builder.Configuration.AddArchiveSources(overrides);
        builder.WebHost.UseUrls(CheckedUrls(urls ?? builder.Configuration["Urls"] ?? DefaultUrls));
        builder.Logging.AddArchiveFilters();
        builder.Logging.AddArchiveConsole(builder.Configuration);
        builder.Services.AddArchiveDatabase(builder.Configuration);
        builder.Services.AddArchiveWeb();
        builder.Services.AddArchiveMetrics();

        var app = builder.Build();
        app.UseArchiveWeb();
        return app;
    }

    /// <summary>Kestrel would refuse a URL without its scheme only when it starts, with a stack trace.</summary>
    private static string CheckedUrls(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new CannotStartException($"Configuration error: Urls has \"{url}\": write it with its scheme and port, e.g. --urls http://localhost:5080.");
            }
        }
        return urls;
    }

    private static void AddArchiveWeb(this IServiceCollection services)
    {
        // First, so that it starts before the hosted services registered below (data protection among them).
        services.AddMigrationGate();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.ModelBinderProviders.Insert(0, new LineEndingsBinderProvider()));
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<UnhandledMethods>());
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Account");
            options.Conventions.AuthorizeFolder("/Inbox");
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/SignUp");
            options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
            options.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
            options.Conventions.AllowAnonymousToPage("/Account/ConfirmEmail");
            options.Conventions.AuthorizeFolder("/Admin", "Admin");
            options.Conventions.AuthorizePage("/Tags/Wrangle");
            options.Conventions.AuthorizePage("/Tags/Unwrangled");
            options.Conventions.AuthorizePage("/Works/New");
            options.Conventions.AuthorizePage("/Works/Edit");
            options.Conventions.AuthorizePage("/Works/Delete");
            options.Conventions.AuthorizeFolder("/Works/Chapters");
            // A second address for one chapter of a work. AddPageRoute would make every link to the page use it, and a
            // link without a chapter (the draft's "Post this work" form, the admin's "Hide work") would come out empty.
            options.Conventions.AddPageRouteModelConvention("/Works/Read", page => page.Selectors.Add(new()
            {
                AttributeRouteModel = new() { Template = "works/{id:int}/chapters/{chapterId:int}", SuppressLinkGeneration = true },
            }));
        }).AddMvcOptions(options =>
        {
            options.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
            options.ModelMetadataDetailsProviders.Add(new UnreadableValues.Messages());
            options.Filters.Add<RefusedFormShowBack>();
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            // A 403 at the address asked for (the status-code page shows why), not a redirect to an error address.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // A form posted after the session ended keeps what was typed (RefusedFormShowBack); other requests log in.
            options.Events.OnRedirectToLogin = RefusedFormShowBack.RedirectToLoginAsync;
            options.Cookie.Name = "makimono.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = Accounts.Sessions.Lifetime;
            options.Events.OnValidatePrincipal = DatabaseOutage.Tolerating(Session.ValidateAsync);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy("Admin", policy => policy.RequireClaim(Accounts.Viewer.AdminClaim, "true"));
        services.AddDataProtection().SetApplicationName("Makimono").PersistKeysToDbContext<ArchiveDbContext>();
        services.AddSingleton<Tags.Autocomplete.TagAutocomplete>();
        // Listings ask the search index, or the database while the index is being built (Search/Index/).
        Search.Index.IndexSetup.AddWorkIndex(services);
        services.AddHostedService<Search.Index.IndexService>();
        services.AddOptions<Changes.ChangeLogOptions>().BindConfiguration(Changes.ChangeLogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<Changes.ChangeLogPruner>();
        services.AddScoped<Listings>();
        Reading.Hits.HitsSetup.AddHits(services);
        services.AddScoped<Inbox.ISavedSearchQueries>(sp => sp.GetRequiredService<Listings>());
        Inbox.InboxSetup.AddInboxWorker(services);
        services.AddScoped<ViewerFilterSettings>();
        services.AddSingleton<Exports.DownloadCache>(_ => new Exports.DownloadCache());
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Tags.Autocomplete.TagIndexChanges>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "makimono.antiforgery";
            // Secure over https (or behind a proxy that says so), as the session cookie is; the default is never.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddFormGuard();
        Mail.MailSetup.AddArchiveMail(services);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddArchiveRateLimits();
    }

    private static void UseArchiveWeb(this WebApplication app)
    {
        // First, so that every answer is logged, including the gate's 503 and the error pages' codes.
        app.UseRequestLog();
        app.UseMigrationGate();
        // Behind a reverse proxy on the same machine (the usual self-hosting setup), or the configured ones, take the
        // client's address from X-Forwarded-For so that per-address limits apply per reader.
        app.UseForwardedHeaders(ProxyHeaders.OptionsFor(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value));
        app.UseExceptionHandler("/errors/500");
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        app.UseMetricsAccess();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseFormGuard();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAppPasswords();
        app.UseAuthorization();
        app.MapGet("/health", HealthEndpoint.HandleAsync);
        // Browsers ask for /favicon.ico whatever the page links; the icon is the SVG every page links.
        app.MapGet("/favicon.ico", context =>
        {
            context.Response.Redirect("/favicon.svg", permanent: true);
            return Task.CompletedTask;
        });
        app.MapMetrics();
        app.MapGet(TagAutocompleteEndpoint.Path, TagAutocompleteEndpoint.HandleAsync);
        app.MapFeeds();
        app.MapGetAndHead(Exports.DownloadUrls.RoutePattern, DownloadEndpoint.HandleAsync);
        app.MapRazorPages();
    }
}
