/**
 * Reading the YAML files of {@code guides/} (guides, bundles, places, holidays) so that every problem names the file,
 * the line and the field path, and a folder's problems are reported all at once.
 */
@NamedInterface("yaml")
package cn.onething.shared.yaml;

import org.springframework.modulith.NamedInterface;
