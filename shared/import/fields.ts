import type { ImportKind } from './types';

/**
 * The fields each kind of import knows, with the header names (Chinese and English) that map to
 * them automatically. `key` marks the natural key that makes a re-import update instead of
 * duplicate: customer code, product code, article id, user name, territory id.
 */
export interface ImportField {
  key: string;
  required?: boolean;
  /** The natural key of the kind (exactly one per kind). */
  naturalKey?: boolean;
  /** Header names that suggest this field (compared after normalizeHeader). */
  aliases: readonly string[];
}

const f = (key: string, aliases: readonly string[], opts: Pick<ImportField, 'required' | 'naturalKey'> = {}): ImportField => ({ key, aliases, ...opts });

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  customers: [
    f('code', ['客户编码', '客户代码', '客户编号', '编码', '代码', 'code', 'customer code', 'customer no', 'customer id'], { required: true, naturalKey: true }),
    f('name', ['客户名称', '名称', '姓名', '客户', 'name', 'customer name', 'customer'], { required: true }),
    f('type', ['客户类型', '类型', 'type', 'customer type'], { required: true }),
    f('territory', ['辖区', '辖区编码', '辖区代码', '区域', 'territory', 'territory id', 'territory code'], { required: true }),
    f('owner', ['负责代表', '负责人', '代表', '医药代表', 'owner', 'rep', 'owner user name', 'representative']),
    f('institution', ['所属机构', '机构', '医院', '单位', 'institution', 'hospital', 'organisation', 'organization']),
    f('department', ['科室', '部门', 'department', 'dept']),
    f('title', ['职称', '职务', 'title', 'job title']),
    f('specialty', ['专业', '专长', '专科', 'specialty', 'speciality']),
    f('phone', ['电话', '手机', '联系电话', 'phone', 'mobile', 'telephone', 'tel']),
    f('email', ['邮箱', '电子邮件', '电子邮箱', 'email', 'e-mail', 'mail']),
    f('address', ['地址', '详细地址', 'address', 'street', 'address line']),
    f('city', ['城市', '市', 'city']),
    f('province', ['省份', '省', 'province', 'state']),
    f('postalCode', ['邮编', '邮政编码', 'postal code', 'postcode', 'zip', 'zip code']),
    f('tier', ['价值分级', '分级', '等级', '客户等级', 'tier', 'value tier', 'grade']),
    f('rating', ['评分', 'rating']),
    f('annualSales', ['年销售额', '年度销售额', 'annual sales', 'sales']),
    f('potentialValue', ['潜在价值', '潜力', 'potential value']),
    f('creditLimit', ['信用额度', 'credit limit']),
    f('currency', ['币种', '货币', 'currency']),
    f('repCode', ['代表编码', '业务员编码', 'rep code']),
    f('notes', ['备注', '说明', 'notes', 'note', 'remarks', 'comment']),
  ],
  products: [
    f('code', ['产品编码', '产品代码', '编码', '代码', 'code', 'product code', 'sku'], { required: true, naturalKey: true }),
    f('name', ['产品名称', '名称', '商品名', 'name', 'product name', 'brand name', 'product'], { required: true }),
    f('genericName', ['通用名', '通用名称', 'generic name', 'inn']),
    f('type', ['产品类型', '类型', '类别', 'type', 'product type'], { required: true }),
    f('status', ['状态', 'status']),
    f('composition', ['成分', '主要成分', 'composition', 'ingredients']),
    f('indications', ['适应症', '适应证', 'indications']),
    f('market', ['市场', '市场信息', 'market']),
    f('benefits', ['优势', '卖点', '产品优势', 'benefits']),
    f('risks', ['风险', '注意事项', 'risks', 'warnings']),
  ],
  articles: [
    f('id', ['文章编号', '编号', '文章id', 'id', 'article id', 'slug'], { required: true, naturalKey: true }),
    f('title', ['标题', '问题', 'title', 'question'], { required: true }),
    f('body', ['正文', '答案', '内容', '回答', 'body', 'answer', 'content', 'text'], { required: true }),
    f('category', ['分类', '类别', 'category']),
    f('product', ['产品', '产品编码', '产品名称', 'product', 'product code']),
    f('tags', ['标签', '关键词', 'tags', 'keywords']),
    f('lang', ['语言', 'language', 'lang']),
    f('status', ['状态', 'status']),
  ],
  users: [
    f('userName', ['用户名', '账号', '帐号', '登录名', 'user name', 'username', 'login', 'account'], { required: true, naturalKey: true }),
    f('displayName', ['姓名', '显示名称', '名称', 'display name', 'full name', 'name'], { required: true }),
    f('roles', ['角色', '角色列表', 'roles', 'role'], { required: true }),
    f('territories', ['辖区', '辖区编码', '区域', 'territories', 'territory', 'territory ids']),
    f('manager', ['上级', '经理', '直属经理', 'manager', 'manager user name']),
    f('password', ['密码', '初始密码', 'password', 'initial password']),
  ],
  territories: [
    f('id', ['辖区编码', '辖区代码', '编码', '代码', 'id', 'territory id', 'code', 'territory code'], { required: true, naturalKey: true }),
    f('name', ['辖区名称', '名称', '辖区', 'name', 'territory name', 'territory'], { required: true }),
  ],
};

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return IMPORT_FIELDS[kind];
}

export function naturalKeyOf(kind: ImportKind): string {
  return IMPORT_FIELDS[kind].find((x) => x.naturalKey)!.key;
}
