namespace Storage;

/// <summary>One version of one module's schema for one provider.</summary>
internal sealed record SchemaScript(int Version, string ResourceName, string Sql);
