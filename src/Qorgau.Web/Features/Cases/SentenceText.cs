using System.Globalization;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Web.Features.Cases;

/// <summary>A sentence in words for the case page: each penalty imposed, in the user's language.</summary>
public static class SentenceText
{
    public static IEnumerable<string> Parts(Sentence sentence, IStringLocalizer l)
    {
        var culture = CultureInfo.CurrentCulture;
        if (sentence.CustodialMonths is { } months)
        {
            yield return l["Verdict.Months", months].Value;
        }

        if (sentence.RestrictionOfLibertyMonths is { } restriction)
        {
            yield return l["Sentence.Shown.RestrictionOfLiberty", restriction].Value;
        }

        if (sentence.CorrectionalLabourMonths is not null || sentence.CorrectionalLabourMrp is not null)
        {
            var amounts = new[]
            {
                sentence.CorrectionalLabourMonths is { } m ? l["Sentence.Shown.Months", m].Value : null,
                sentence.CorrectionalLabourMrp is { } mrp ? l["Sentence.Shown.Mrp", mrp.ToString("0.##", culture)].Value : null,
            };
            yield return l["Sentence.Shown.CorrectionalLabour", string.Join(", ", amounts.OfType<string>())].Value;
        }

        if (sentence.CommunityServiceHours is { } hours)
        {
            yield return l["Sentence.Shown.CommunityService", hours].Value;
        }

        if (sentence.FineMrp is not null || sentence.Fine is not null)
        {
            var amounts = new[]
            {
                sentence.FineMrp is { } mrp ? l["Sentence.Shown.Mrp", mrp.ToString("0.##", culture)].Value : null,
                sentence.Fine is { } tenge ? l["Sentence.Shown.Tenge", tenge.ToString("#,0.##", culture)].Value : null,
            };
            yield return l["Sentence.Shown.Fine", string.Join(" = ", amounts.OfType<string>())].Value;
        }

        if (sentence.BanFromOfficeMonths is { } ban)
        {
            yield return l["Sentence.Shown.Ban", ban].Value;
        }
    }
}
