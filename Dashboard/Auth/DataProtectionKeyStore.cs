using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Storage;

namespace Dashboard.Auth;

/// <summary>Keeps Data Protection's keys in the app's database (table <c>data_protection_keys</c>), so that all Dashboard
/// processes of one deployment share one key ring: a cookie signed by one is read by another, and restarts keep sessions.</summary>
internal sealed class DataProtectionKeyStore(IDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Data Protection's API is synchronous; it calls this rarely (start-up and key refresh, about daily).
        using var connection = database.OpenConnectionAsync().AsTask().GetAwaiter().GetResult();
        using var command = DbCommands.Create(connection, "SELECT xml FROM data_protection_keys ORDER BY created_at");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.OpenConnectionAsync().AsTask().GetAwaiter().GetResult();
        using var command = DbCommands.Create(connection,
            "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @at) ON CONFLICT (name) DO NOTHING")
            .With("@name", friendlyName).With("@xml", element.ToString(SaveOptions.DisableFormatting)).With("@at", DateTimeOffset.UtcNow);
        command.ExecuteNonQuery();
    }
}
