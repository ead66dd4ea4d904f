package cn.onething.catalog.opendata;

/** A kept package with its zip bytes. */
public record OpenDataArchive(OpenDataPackage summary, byte[] zip) {
}
