using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Makimono.BrowserTests;

/// <summary>Runs axe-core (from npm, see package.json) in the page and fails on serious or critical violations.</summary>
public static class Axe
{
    public sealed record Violation(string Id, string Impact, string Help, string HelpUrl, List<string> Nodes);

    private static string ScriptPath
    {
        get
        {
            var path = Path.Combine(ArchiveFixture.ProjectDirectory, "node_modules", "axe-core", "axe.min.js");
            return File.Exists(path) ? path : throw new FileNotFoundException(
                $"axe-core is missing ({path}): run npm ci in tests/Makimono.BrowserTests (scripts/test does this)");
        }
    }

    // Only what a report needs crosses back from the page: each rule and, per failing node, its selector and why.
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document);
          return JSON.stringify(result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
            })));
        }
        """;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static async Task<IReadOnlyList<Violation>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var json = await page.EvaluateAsync<string>(RunAxe);
        return JsonSerializer.Deserialize<List<Violation>>(json, Json) ?? [];
    }

    public static string Describe(string where, IReadOnlyList<Violation> violations)
    {
        var text = new StringBuilder($"{violations.Count} serious or critical accessibility violation(s) on {where}:\n");
        foreach (var v in violations)
        {
            text.AppendLine($"- {v.Id} ({v.Impact}): {v.Help} <{v.HelpUrl}>");
            foreach (var node in v.Nodes)
            {
                text.AppendLine($"    {node}");
            }
        }
        return text.ToString();
    }
}
