/**
 * The catalogue as other modules see it: plain records of guides, materials, domains and the disclosure row.
 */
@NamedInterface("model")
package cn.onething.catalog.model;

import org.springframework.modulith.NamedInterface;
