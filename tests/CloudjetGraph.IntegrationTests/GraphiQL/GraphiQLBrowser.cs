using System.Collections.Concurrent;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace CloudjetGraph.IntegrationTests.GraphiQL;

/// <summary>
/// Debian's chromium, driven by Playwright, on GraphiQL's page: types into its editors as a person
/// would, and keeps every Content-Security-Policy violation the page reports.
/// </summary>
internal sealed class GraphiQLBrowser : IAsyncDisposable
{
    // Runs before the page's own scripts (Playwright adds it through the DevTools protocol, outside the page's policy).
    private const string ViolationRecorder = """
        window.cloudjetViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.cloudjetViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    // A 7 MB bundle and a cold editor on two cores shared with the rest of the suite: Playwright's 5 s is too short.
    private const float Patience = 60_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ConcurrentQueue<string> _console = new();

    private GraphiQLBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) => _console.Enqueue(message.Text);
    }

    public IPage Page { get; }

    /// <summary>Launches chromium headless and opens GraphiQL of the gateway at <paramref name="gateway"/>.</summary>
    public static async Task<GraphiQLBrowser> OpenAsync(Uri gateway)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(Patience);
        var session = new GraphiQLBrowser(playwright, browser, page);
        await page.AddInitScriptAsync(ViolationRecorder);
        await page.GotoAsync(new Uri(gateway, "/graphql/ui").ToString());
        await Assertions.Expect(session.Editor("Headers")).ToBeVisibleAsync(new() { Timeout = Patience });
        return session;
    }

    /// <summary>Every violation of the page's policy reported so far, on the console or as an event.</summary>
    public async Task<IReadOnlyList<string>> PolicyViolationsAsync()
    {
        var events = await Page.EvaluateAsync<string[]>("window.cloudjetViolations");
        return [.. _console.Where(text => text.Contains("Content Security Policy", StringComparison.Ordinal)), .. events];
    }

    /// <summary>The text of an editor (<c>Operation Editor</c>, <c>Headers</c>, <c>Result Window</c>), with the editor's non-breaking spaces as spaces.</summary>
    public async Task<string> TextOfAsync(string editor) =>
        (await Editor(editor).Locator(".view-lines").InnerTextAsync()).Replace('\u00a0', ' ');

    /// <summary>Puts <paramref name="token"/> in the headers editor and <paramref name="query"/> in the operation editor, runs it, and returns the result pane's text.</summary>
    public async Task<string> RunAsync(string query, string token)
    {
        await ReplaceTextAsync("Headers", $$"""{"Authorization": "Bearer {{token}}"}""");
        await ReplaceTextAsync("Operation Editor", query);
        await Page.Locator(".graphiql-execute-button").ClickAsync();
        await Assertions.Expect(Editor("Result Window")).ToContainTextAsync("\"data\"", new() { Timeout = Patience });
        return await TextOfAsync("Result Window");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    // The Headers section also holds the hidden variables editor: take the one shown.
    private ILocator Editor(string label) =>
        Page.Locator($"section[aria-label='{label}']").Locator(".monaco-editor").Filter(new() { Visible = true });

    private async Task ReplaceTextAsync(string editor, string text)
    {
        var target = Editor(editor);
        await target.Locator(".view-lines").ClickAsync();
        await Page.Keyboard.PressAsync("Control+A");

        // Pasted, as a person pastes a token: typed or inserted text gets the editor's closing quotes and braces.
        await target.Locator("textarea").EvaluateAsync(
            """
            (area, text) => {
              const data = new DataTransfer();
              data.setData('text/plain', text);
              area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """,
            text);
    }
}
