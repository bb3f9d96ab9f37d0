import { gzipSync } from 'node:zlib';

/** One file to put in a tar made by {@link buildTar}. */
export interface TarFile {
  name: string;
  content: Buffer | string;
  /** Write a name over 100 bytes in a pax extended header (`path=`), as GNU tar does, instead of the ustar prefix field. */
  paxName?: boolean;
}

const BLOCK = 512;

function header(name: string, size: number, type: string, prefix = ''): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write('0000644\0', 100, 'latin1');
  block.write('0000000\0', 108, 'latin1');
  block.write('0000000\0', 116, 'latin1');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  block.write(
    `${Math.floor(Date.UTC(2024, 10, 20) / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    'latin1',
  );
  block.write('        ', 148, 'latin1');
  block.write(type, 156, 'latin1');
  block.write('ustar\0', 257, 'latin1');
  block.write('00', 263, 'latin1');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}

function padded(content: Buffer): Buffer {
  return Buffer.concat([content, Buffer.alloc((BLOCK - (content.length % BLOCK)) % BLOCK)]);
}

/**
 * A tar archive of `files` in the ustar layout Ruby's `Gem::Package::TarWriter` writes (as a
 * Mastodon server does for an account archive), gzip-compressed unless `gzip` is false. A name
 * over 100 bytes goes in the prefix field, or in a pax header when the file asks for it.
 */
export function buildTar(files: readonly TarFile[], options: { gzip?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8');
    let name = file.name;
    let prefix = '';
    if (Buffer.byteLength(name) > 100) {
      if (file.paxName === true) {
        const record = (length: number): string => `${length} path=${file.name}\n`;
        let length = record(0).length;
        while (record(length).length !== length) length = record(length).length;
        const pax = Buffer.from(record(length), 'utf8');
        parts.push(header('PaxHeader', pax.length, 'x'), padded(pax));
        name = file.name.slice(0, 100);
      } else {
        const cut = file.name.lastIndexOf('/');
        prefix = file.name.slice(0, cut);
        name = file.name.slice(cut + 1);
      }
    }
    parts.push(header(name, content.length, '0', prefix), padded(content));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  const tar = Buffer.concat(parts);
  return options.gzip === false ? tar : gzipSync(tar);
}
