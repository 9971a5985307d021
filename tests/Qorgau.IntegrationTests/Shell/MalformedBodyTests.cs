using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Shell;

/// <summary>A body the form reader cannot parse is the client's error: a 400 page or problem, never a 500.</summary>
public sealed class MalformedBodyTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        { "/complaint", "multipart/form-data; boundary=qorgau", "--qorgau\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue-without-closing-boundary" },
        { "/complaint", "multipart/form-data; boundary=qorgau", "--qorgau\r\nContent-Disposition: form-data\r\n\r\n--qorgau--\r\n" },
        { "/complaint", "multipart/form-data", "no boundary at all" },
        { "/receipt", "multipart/form-data; boundary=qorgau", "--qorgau\r\nbroken header line\r\n\r\nx\r\n--qorgau--\r\n" },
        { "/receipt", "multipart/form-data; boundary=\"" + new string('b', 200) + "\"", "x" },
        { "/account/login", "multipart/form-data; boundary=qorgau", "garbage" },
        { "/api/v1/complaints", "multipart/form-data; boundary=qorgau", "--qorgau\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_multipart_body_is_a_client_error(string path, string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await app.CreateClient().PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
    }

    [Theory]
    [InlineData("/complaint")]
    [InlineData("/receipt")]
    [InlineData("/account/login")]
    public async Task Invalid_percent_encoded_utf8_in_a_form_post_is_a_client_error(string path)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("account=%FF%FE%C3%28&%C0%AF=%ED%A0%80"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await app.CreateClient().PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
    }

    [Fact]
    public async Task A_malformed_body_on_a_page_gets_the_localised_error_page_not_a_stack_trace()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("garbage"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=qorgau");

        var response = await app.CreateClient(acceptLanguage: "en").PostAsync(new Uri("/complaint", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldNotContain("Exception");
        html.ShouldNotContain(" at Microsoft.");
    }
}
