using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Cases;

namespace Qorgau.Web.Infrastructure.Localisation;

/// <summary>
/// <c>&lt;local-time utc="@x" /&gt;</c>: a stored UTC instant as the profile's jurisdiction reads it, in a
/// <c>&lt;time&gt;</c> element that keeps the exact UTC instant for machines. With a format that has no hours
/// (<c>format="yyyy-MM-dd"</c>) it shows the profile's date of the instant, without the offset.
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper(JurisdictionProfile profile) : TagHelper
{
    public DateTime Utc { get; set; }

    public string Format { get; set; } = "yyyy-MM-dd HH:mm";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var utc = DateTime.SpecifyKind(Utc, DateTimeKind.Utc);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", utc.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("title", profile.TimeZone);
        output.Content.SetContent(Format.Contains('H', StringComparison.Ordinal)
            ? ProfileCalendar.Show(profile, utc, Format)
            : ProfileCalendar.LocalTime(profile, utc).ToString(Format, CultureInfo.InvariantCulture));
    }
}
