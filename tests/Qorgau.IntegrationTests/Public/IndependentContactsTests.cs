using System.Net;
using System.Xml.Linq;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;

namespace Qorgau.IntegrationTests.Public;

/// <summary>
/// 1402 is the Interior Ministry's line: staff record it as a channel, but no public page sends a
/// complainant there. Where a page points elsewhere, it names the independent bodies of the profile.
/// </summary>
public sealed class IndependentContactsTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task No_public_page_sends_a_complainant_to_the_1402_line(string culture)
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "It happened at the station.");
        var browser = new StaffBrowser(app.CreateClient(acceptLanguage: culture));
        var receipt = await browser.SubmitAsync("/receipt", new Dictionary<string, string> { ["ReceiptText"] = filed.Receipt });
        receipt.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        string[] pages = ["/", "/complaint", "/complaint?region=KZ-10", "/contacts", "/receipt", "/receipt/case", "/facilities", "/account/login", "/error/404", "/error/500"];

        foreach (var path in pages)
        {
            var response = await browser.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync(Cancel);

            html.ShouldContain($"<html lang=\"{culture}\">", customMessage: path);
            html.ShouldNotContain("1402", customMessage: path);
        }
    }

    [Fact]
    public void In_the_resources_1402_appears_only_in_what_staff_record()
    {
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.ru.resx", "SharedResource.kk.resx" })
        {
            var keys = XDocument.Load(Path.Combine(RepositoryFiles.WebProject, "Resources", file)).Root!.Elements("data")
                .Where(d => d.Element("value")!.Value.Contains("1402", StringComparison.Ordinal))
                .Select(d => d.Attribute("name")!.Value);

            keys.ShouldBe(["Channel.hotline", "Record.Lead"], ignoreOrder: true, customMessage: file);
        }
    }

    [Theory]
    [InlineData("kk", "Қазақстан Республикасындағы Адам құқықтары жөніндегі уәкіл", "Байланыс деректері мұнда әлі жарияланбаған.")]
    [InlineData("ru", "Уполномоченный по правам человека в Республике Казахстан", "Контактные данные здесь пока не опубликованы.")]
    [InlineData("en", "Commissioner for Human Rights in the Republic of Kazakhstan (Ombudsman)", "Contact details are not published here yet.")]
    public async Task The_contacts_page_and_the_complaint_form_name_the_independent_bodies_of_the_profile(string culture, string ombudsman, string noReach)
    {
        var client = app.CreateClient(acceptLanguage: culture);

        var contacts = await client.GetStringAsync(new Uri("/contacts", UriKind.Relative), Cancel);
        var complaint = await client.GetStringAsync(new Uri("/complaint", UriKind.Relative), Cancel);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);

        foreach (var html in new[] { contacts, complaint })
        {
            html.ShouldContain("id=\"contact-npm\"");
            html.ShouldContain("id=\"contact-ombudsman\"");
            html.ShouldContain("id=\"contact-ngo-coalition\"");
            html.ShouldContain(ombudsman);
        }

        contacts.ShouldContain(noReach, customMessage: "the shipped profile has no verified phone or address, and says so rather than invent one");
        complaint.ShouldContain("href=\"/contacts\"", customMessage: "the complaint form names them and links to how to reach them");

        home.ShouldContain("href=\"/contacts\"");
        contacts.ShouldNotContain("<script", Case.Insensitive, "the page works with JavaScript off");
        contacts.ShouldContain("width=device-width", customMessage: "the page scales to a 320 px screen");
    }
}

/// <summary>The contacts come from the profile's <c>contacts.csv</c>: another file, other contacts, no code change.</summary>
public sealed class ContactsFromTheProfileTests(ContactsFromTheProfileTests.EditedContactsFactory app) : IClassFixture<ContactsFromTheProfileTests.EditedContactsFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("kk", "Сынақ бақылау тобы")]
    [InlineData("ru", "Тестовая наблюдательная группа")]
    [InlineData("en", "Test Watch Group")]
    public async Task The_public_pages_show_the_contacts_the_profile_file_gives_and_mark_unverified_details(string culture, string name)
    {
        var client = app.CreateClient(acceptLanguage: culture);

        var contacts = await client.GetStringAsync(new Uri("/contacts", UriKind.Relative), Cancel);

        contacts.ShouldContain(name);
        WebUtility.HtmlDecode(contacts).ShouldContain("href=\"tel:+77000000000\"");
        contacts.ShouldContain("class=\"notice warning contact-unverified\"");
        contacts.ShouldNotContain("id=\"contact-ombudsman\"");
        contacts.ShouldNotContain("1402");
    }

    public sealed class EditedContactsFactory : QorgauAppFactory
    {
        private readonly string _profile = CopyOfTheProfileWithOtherContacts();

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Profile:Directory"] = _profile };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(_profile, recursive: true);
        }

        private static string CopyOfTheProfileWithOtherContacts()
        {
            var directory = Directory.CreateTempSubdirectory("qorgau-contacts-").FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "profiles", "kz"), "*.csv"))
            {
                File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(directory, "contacts.csv"), """
                code,name_kk,name_ru,name_en,about_kk,about_ru,about_en,phone,email,website,address,reach_verified,source
                test-watch,Сынақ бақылау тобы,Тестовая наблюдательная группа,Test Watch Group,Барады.,Посещает.,Visits.,+7 700 000 00 00,,,,false,test
                """ + "\n");
            return directory;
        }
    }
}
