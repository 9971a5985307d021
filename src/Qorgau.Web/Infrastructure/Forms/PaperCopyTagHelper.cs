using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Qorgau.Web.Infrastructure.Forms;

/// <summary>
/// A page rendered for paper (<see cref="MarkAsPaperCopy"/>) leaves out every form and every folded
/// section that holds one: the printed copy carries no anti-forgery token and no list of the staff one
/// could assign, not merely hides them with a print stylesheet.
/// </summary>
[HtmlTargetElement("form")]
[HtmlTargetElement("details")]
public sealed class PaperCopyTagHelper : TagHelper
{
    private const string Key = "PaperCopy";

    /// <summary>Runs before the framework's form tag helper adds its token.</summary>
    public override int Order => -1000;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public static void MarkAsPaperCopy(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[Key] = true;
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ViewContext.ViewData[Key] is true)
        {
            output.SuppressOutput();
        }
    }
}
