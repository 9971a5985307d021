using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Qorgau.Web.Infrastructure.Accessibility;

/// <summary>
/// <c>&lt;table-scroll label="@L[…]"&gt;</c> or <c>&lt;table-scroll labelled-by="heading-id"&gt;</c>: the box a wide
/// table scrolls in on a narrow screen, reachable by keyboard and named for screen readers (axe's
/// scrollable-region-focusable): <c>&lt;div class="table-scroll" tabindex="0" role="region" aria-label…&gt;</c>.
/// </summary>
[HtmlTargetElement("table-scroll")]
public sealed class TableScrollTagHelper : TagHelper
{
    /// <summary>The region's name (a localised string), when no heading names it.</summary>
    public object? Label { get; set; }

    /// <summary>The id of the heading that names the region.</summary>
    public string? LabelledBy { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "table-scroll");
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        if (!string.IsNullOrEmpty(LabelledBy))
        {
            output.Attributes.SetAttribute("aria-labelledby", LabelledBy);
        }
        else
        {
            output.Attributes.SetAttribute("aria-label", Label?.ToString() ?? throw new InvalidOperationException("<table-scroll> needs a label or labelled-by: a region without a name is not announced."));
        }
    }
}
