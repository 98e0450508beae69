using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Makimono.Tests.Web;

/// <summary>
/// A form as the page serves it, filled in and submitted the way a browser does: to its own action, with its
/// method and encoding, its hidden fields (the anti-forgery token among them) and the name and value of the button
/// pressed. A test can only set fields the form has and tick boxes it offers, so a form that posts to the wrong
/// place or lacks a field fails the test instead of being papered over by a URL the test built.
/// </summary>
public sealed class HtmlForm
{
    private readonly WebClient client;
    private readonly HtmlPage page;
    private readonly IHtmlFormElement form;
    private readonly IElement? button;
    private readonly List<Control> controls;
    private readonly List<(string Name, string FileName, byte[] Content)> files = [];

    internal HtmlForm(WebClient client, HtmlPage page, IHtmlFormElement form, IElement? button)
    {
        this.client = client;
        this.page = page;
        this.form = form;
        this.button = button;
        controls = [.. ControlsOf(form)];
    }

    public IHtmlFormElement Element => form;

    /// <summary>Where the form goes when its button is pressed: the button's formaction, else the form's action, else the page.</summary>
    public Uri Action
    {
        get
        {
            var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
            Assert.False(action is { Length: 0 } || (action is not null && string.IsNullOrWhiteSpace(action)),
                $"a form on {page.Address} has an empty action attribute, which is not a valid URL");
            return action is null ? page.Address : new Uri(page.Address, action);
        }
    }

    public string Method => (button?.GetAttribute("formmethod") ?? form.GetAttribute("method") ?? "get").ToUpperInvariant();

    private bool IsMultipart => string.Equals(button?.GetAttribute("formenctype") ?? form.GetAttribute("enctype"),
        "multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>The current value of a text field, textarea or single select.</summary>
    public string Value(string name) => Single(name).Value;

    /// <summary>Types into a field, chooses an offered option of a select, or ticks the box or radio with that value.</summary>
    public HtmlForm Set(string name, string value)
    {
        var named = Named(name);
        if (named.All(c => c.IsCheckable))
        {
            return Check(name, value);
        }
        var control = Single(name);
        if (control.Options is { } options)
        {
            Assert.True(options.Contains(value), $"{Describe()} offers no option \"{value}\" for {name}; it offers: {string.Join(", ", options)}");
        }
        control.Value = value;
        return this;
    }

    /// <summary>Ticks the checkbox (or chooses the radio button) <paramref name="name"/> with <paramref name="value"/>, or the only one of that name.</summary>
    public HtmlForm Check(string name, string? value = null) => Tick(name, value, true);

    public HtmlForm Uncheck(string name, string? value = null) => Tick(name, value, false);

    /// <summary>Chooses a file for a file input, to be sent as a browser sends an upload.</summary>
    public HtmlForm Attach(string name, string fileName, byte[] content)
    {
        Assert.True(form.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == name && i.Type == "file"), $"{Describe()} has no file input {name}");
        Assert.True(IsMultipart, $"{Describe()} has a file input but is not multipart/form-data, so a browser would send no file");
        files.RemoveAll(f => f.Name == name);
        files.Add((name, fileName, content));
        return this;
    }

    /// <summary>The fields a browser would send, in document order, with the pressed button's own name and value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields
    {
        get
        {
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var control in controls)
            {
                if (control.Element == button && button.GetAttribute("name") is { Length: > 0 } buttonName)
                {
                    fields.Add(new(buttonName, button.GetAttribute("value") ?? ""));
                }
                else if (control.IsIncluded)
                {
                    fields.Add(new(control.Name, control.Value));
                }
            }
            return fields;
        }
    }

    public Task<HttpResponseMessage> SubmitAsync()
    {
        if (Method == "GET")
        {
            var query = string.Join('&', Fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            var target = new UriBuilder(Action) { Query = query, Fragment = "" }.Uri;
            return client.Http.GetAsync(target);
        }
        Assert.True(Method == "POST", $"{Describe()} has method {Method}, which browsers do not send");
        HttpContent content;
        if (IsMultipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in Fields)
            {
                multipart.Add(new StringContent(value), name);
            }
            foreach (var (name, fileName, bytes) in files)
            {
                multipart.Add(new ByteArrayContent(bytes), name, fileName);
            }
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(Fields);
        }
        return client.Http.PostAsync(Action, content);
    }

    private HtmlForm Tick(string name, string? value, bool on)
    {
        var boxes = Named(name).Where(c => c.IsCheckable && (value is null || c.Value == value)).ToList();
        Assert.True(boxes.Count == 1, $"{Describe()} has {boxes.Count} boxes named {name}{(value is null ? "" : $" with value {value}")}");
        if (on && boxes[0].IsRadio)
        {
            foreach (var other in Named(name))
            {
                other.Checked = false;
            }
        }
        boxes[0].Checked = on;
        return this;
    }

    private List<Control> Named(string name)
    {
        var named = controls.Where(c => c.Name == name && !c.IsButton).ToList();
        Assert.True(named.Count > 0, $"{Describe()} has no field {name}; it has: {string.Join(", ", controls.Where(c => !c.IsButton).Select(c => c.Name).Distinct())}");
        return named;
    }

    private Control Single(string name)
    {
        var named = Named(name).Where(c => !c.IsCheckable && !c.IsHidden).ToList();
        if (named.Count == 0)
        {
            named = Named(name);
        }
        Assert.True(named.Count == 1, $"{Describe()} has {named.Count} fields named {name}");
        return named[0];
    }

    private string Describe() => $"the form to {form.GetAttribute("action") ?? "(this page)"} on {page.Address}";

    private static IEnumerable<Control> ControlsOf(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) && element is not IHtmlButtonElement && !IsSubmitInput(element))
            {
                continue;
            }
            if (element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input:
                    var type = input.Type.ToLowerInvariant();
                    if (type is "file" or "reset" or "button")
                    {
                        continue;
                    }
                    yield return new Control(element, name ?? "")
                    {
                        Value = type is "checkbox" or "radio" ? input.GetAttribute("value") ?? "on" : input.Value,
                        Checked = input.IsChecked,
                        Kind = type switch
                        {
                            "checkbox" => ControlKind.Checkbox,
                            "radio" => ControlKind.Radio,
                            "submit" or "image" => ControlKind.Button,
                            "hidden" => ControlKind.Hidden,
                            _ => ControlKind.Text,
                        },
                    };
                    break;
                case IHtmlTextAreaElement textArea:
                    yield return new Control(element, name!) { Value = textArea.Value, Kind = ControlKind.Text };
                    break;
                case IHtmlSelectElement select:
                    var options = select.Options.Select(o => o.Value).ToHashSet();
                    if (select.IsMultiple)
                    {
                        foreach (var option in select.Options)
                        {
                            yield return new Control(element, name!) { Value = option.Value, Checked = option.IsSelected, Kind = ControlKind.Checkbox };
                        }
                    }
                    else
                    {
                        var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                        yield return new Control(element, name!) { Value = selected?.Value ?? "", Options = options, Kind = ControlKind.Text };
                    }
                    break;
                case IHtmlButtonElement buttonElement when string.Equals(buttonElement.Type, "submit", StringComparison.OrdinalIgnoreCase):
                    yield return new Control(element, name ?? "") { Kind = ControlKind.Button };
                    break;
            }
        }
    }

    private static bool IsSubmitInput(IElement element) =>
        element is IHtmlInputElement input && input.Type.ToLowerInvariant() is "submit" or "image";

    private enum ControlKind
    {
        Text,
        Hidden,
        Checkbox,
        Radio,
        Button,
    }

    private sealed class Control(IElement element, string name)
    {
        public IElement Element { get; } = element;

        public string Name { get; } = name;

        public required ControlKind Kind { get; init; }

        public string Value { get; set; } = "";

        public bool Checked { get; set; }

        public HashSet<string>? Options { get; init; }

        public bool IsCheckable => Kind is ControlKind.Checkbox or ControlKind.Radio;

        public bool IsRadio => Kind == ControlKind.Radio;

        public bool IsHidden => Kind == ControlKind.Hidden;

        public bool IsButton => Kind == ControlKind.Button;

        public bool IsIncluded => Kind switch
        {
            ControlKind.Button => false,
            ControlKind.Checkbox or ControlKind.Radio => Checked,
            _ => true,
        };
    }
}
