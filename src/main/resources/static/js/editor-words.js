// The bpmn.io editors' own words in Chinese (dmn-js and bpmn-js call translate(text, replacements) for everything
// they draw); a text without an entry stays as the editor wrote it.
window.editorWords = (function () {
  const words = {
    'When': '当', 'And': '且', 'Then': '则', 'Hit policy:': '命中策略：', 'View DRD': '查看决策关系图',
    'Annotations': '说明', 'Annotation': '说明', 'Add input': '添加输入', 'Add output': '添加输出', 'Add rule': '添加规则',
    'Remove rule': '删除规则', 'Remove input': '删除输入', 'Remove output': '删除输出', 'Delete': '删除',
    'Copy rule above': '在上方复制规则', 'Copy rule below': '在下方复制规则', 'Add rule above': '在上方添加规则',
    'Add rule below': '在下方添加规则', 'Add input left': '在左侧添加输入', 'Add input right': '在右侧添加输入',
    'Add output left': '在左侧添加输出', 'Add output right': '在右侧添加输出', 'Copy input left': '在左侧复制输入',
    'Copy input right': '在右侧复制输入', 'Copy output left': '在左侧复制输出', 'Copy output right': '在右侧复制输出',
    'Input': '输入', 'Output': '输出', 'Rule': '规则', 'Value': '值', 'Type': '类型', 'Text': '文字',
    'Input label': '输入名称', 'Input label: ': '输入名称：', 'Input expression: ': '输入表达式：', 'Input values': '输入取值',
    'Output label': '输出名称', 'Output name': '输出变量', 'Output values': '输出取值', 'Output type': '输出类型',
    'Input type': '输入类型', 'Expression language': '表达式语言', 'Expression language:': '表达式语言：',
    'Predefined values': '预设取值', 'Custom values': '自定义取值', 'Comparison': '比较', 'Range': '区间',
    'Comparison operator': '比较方式', 'Equals': '等于', 'Less': '小于', 'Less or equals': '小于等于',
    'Greater': '大于', 'Greater or equals': '大于等于', 'Between': '介于', 'Include': '包括', 'Exclude': '不包括',
    'Start value': '起始值', 'End value': '结束值', 'Set value': '设定值', 'Edit number': '编辑数字', 'Edit date': '编辑日期',
    'Yes': '是', 'No': '否', 'Decision name': '决策名称', 'Decision name: ': '决策名称：', 'Variable name': '变量名',
    'Variable name:': '变量名：', 'Variable type': '变量类型', 'Variable type:': '变量类型：', 'Search in diagram': '在图中查找',
    'Strings must be in double quotes': '文字须放在英文双引号中', 'Test type': '条件类型', 'Result': '结果',
    'Unique': '唯一（Unique）', 'First': '首条命中（First）', 'Priority': '优先级（Priority）', 'Any': '任一（Any）',
    'Collect': '收集（Collect）', 'Rule order': '规则顺序（Rule order）', 'Output order': '输出顺序（Output order）',
    'Activate the hand tool': '拖动画布', 'Activate the lasso tool': '框选', 'Activate the create/remove space tool': '插入或删除空间',
    'Activate the global connect tool': '连线', 'Append EndEvent': '接结束事件', 'Append Gateway': '接网关', 'Append Task': '接任务',
    'Append Intermediate/Boundary Event': '接中间事件', 'Change type': '更改类型', 'Connect using Sequence/MessageFlow or Association': '连线',
    'Connect using Association': '用关联连接', 'Connect to other element': '连接到其他元素', 'Create EndEvent': '新建结束事件',
    'Create Gateway': '新建网关', 'Create Task': '新建任务', 'Create StartEvent': '新建开始事件', 'Create Intermediate/Boundary Event': '新建中间事件',
    'Create expanded SubProcess': '新建子流程', 'Create Pool/Participant': '新建泳池', 'Create DataObjectReference': '新建数据对象',
    'Create DataStoreReference': '新建数据存储', 'Create Group': '新建分组', 'Remove': '删除', 'Add Lane above': '在上方加泳道',
    'Add Lane below': '在下方加泳道', 'Divide into two Lanes': '分为两条泳道', 'Divide into three Lanes': '分为三条泳道',
    'Add text annotation': '添加注释', 'Append text annotation': '添加注释',
  };
  return function translate(template, replacements) {
    const text = words[template] || template;
    return text.replace(/{([^}]+)}/g, (_, key) => (replacements && key in replacements ? replacements[key] : '{' + key + '}'));
  };
}());
