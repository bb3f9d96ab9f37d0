/** A Telegram Desktop message (`"type": "message"`) by `from`, written at `unixtime`, with `fields` added or overriding. */
export function telegramMessage(id: unknown, text: unknown, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const unixtime = 1718182961 + Number(typeof id === 'number' && Number.isSafeInteger(id) ? id : 0) * 60;
  return {
    id,
    type: 'message',
    date: new Date(unixtime * 1000).toISOString().slice(0, 19),
    date_unixtime: String(unixtime),
    from: 'Priya Sharma',
    from_id: 'user5120734401',
    text,
    text_entities: typeof text === 'string' ? [{ type: 'plain', text }] : [],
    ...fields,
  };
}

/** A Telegram Desktop service message (a notice: `action` says what happened). */
export function telegramNotice(id: number, action: string): Record<string, unknown> {
  return {
    id,
    type: 'service',
    date: '2024-06-12T10:20:00',
    date_unixtime: '1718184000',
    actor: 'Omar Haddad',
    actor_id: 'user6631920587',
    action,
    text: '',
    text_entities: [],
  };
}

/** One chat's history as Telegram Desktop's "Export chat history" writes it (machine-readable JSON), indented one space a level. */
export function telegramChatExport(messages: readonly unknown[], chat: { name?: string; type?: string; id?: unknown } = {}): string {
  const root = { name: chat.name ?? 'Leeds Carers Network', type: chat.type ?? 'private_supergroup', id: chat.id ?? 2098765432, messages };
  return `${JSON.stringify(root, null, 1)}\n`;
}

/** A whole account's export: its `about`, personal information and contacts, then the chats given under `chats.list`. */
export function telegramAccountExport(chats: readonly unknown[] | null): string {
  const root: Record<string, unknown> = {
    about: 'Here is the data you requested.',
    personal_information: { user_id: 7001002003, first_name: 'Wellbeing', last_name: 'Partnership', phone_number: '+44 7700 900456' },
    contacts: {
      about: 'Your contacts.',
      list: [{ user_id: 5120734401, first_name: 'Priya', last_name: 'Sharma', phone_number: '+44 7700 900123' }],
    },
  };
  if (chats !== null) root['chats'] = { about: 'All chats.', list: chats };
  return `${JSON.stringify(root, null, 1)}\n`;
}

/** A DiscordChatExporter author: a member (or, with `isBot`, a bot) known on the server as `nickname`. */
export function discordAuthor(name: string, nickname: string | null = name, isBot = false): Record<string, unknown> {
  return {
    id: '1090234567812345601',
    name,
    discriminator: '0000',
    nickname,
    color: null,
    isBot,
    roles: [],
    avatarUrl: 'https://cdn.discordapp.com/embed/avatars/0.png',
  };
}

/** A DiscordChatExporter message (`"type": "Default"`) by a member, with `fields` added or overriding. */
export function discordMessage(id: unknown, content: unknown, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    type: 'Default',
    timestamp: '2024-06-12T10:02:41.507+00:00',
    timestampEdited: null,
    callEndedTimestamp: null,
    isPinned: false,
    content,
    author: discordAuthor('priya.s', 'Priya (carer)'),
    attachments: [],
    embeds: [],
    stickers: [],
    reactions: [],
    mentions: [],
    inlineEmojis: [],
    ...fields,
  };
}

/** One channel saved by DiscordChatExporter as JSON, indented two spaces as it writes it. */
export function discordExport(messages: readonly unknown[], guild: Record<string, unknown> = {}): string {
  const root = {
    guild: { id: '1187654321098765432', name: 'Calderdale Carers Hub', iconUrl: 'https://cdn.discordapp.com/icons/1/a.png', ...guild },
    channel: { id: '1187654321098765440', type: 'GuildTextChat', categoryId: null, category: null, name: 'services-feedback', topic: null },
    dateRange: { after: null, before: null },
    exportedAt: '2024-06-20T12:00:00.000+00:00',
    messages,
    messageCount: messages.length,
  };
  return `${JSON.stringify(root, null, 2)}\n`;
}
