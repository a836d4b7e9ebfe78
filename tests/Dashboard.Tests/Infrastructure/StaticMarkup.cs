using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Renders one component with bUnit in a UI language and parses its markup, for the tests that check the HTML a
/// static page sends (labels, ARIA, form fields) rather than interaction.</summary>
internal static class StaticMarkup
{
    public static async Task<IHtmlDocument> RenderAsync<TComponent>(
        string culture, IReadOnlyDictionary<string, object?> parameters, Action<IServiceCollection>? services = null)
        where TComponent : IComponent
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await using var context = new BunitContext();
            context.Services.AddLocalization();
            services?.Invoke(context.Services);
            var rendered = context.Render<TComponent>(builder =>
            {
                builder.OpenComponent<TComponent>(0);
                foreach (var (name, value) in parameters)
                {
                    // One sequence number for all: they are attributes of one frame, like a loop in Razor.
                    builder.AddComponentParameter(1, name, value);
                }

                builder.CloseComponent();
            });
            return new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{rendered.Markup}</body></html>");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
