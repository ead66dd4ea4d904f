package cn.onething.catalog;

import cn.onething.catalog.model.Disclosure;

/** A numbered row of the disclosure catalogue (公开事项标准目录), with the item it discloses. */
public record DisclosureRow(int number, String domain, String code, String itemName, Disclosure disclosure) {
}
