/**
 * Known answers for the PKCS#12 KDF (RFC 7292 appendix B.2), from OpenSSL 3's own implementation:
 *
 *   openssl kdf -keylen <length> -kdfopt digest:<hash> -kdfopt hexpass:<password> -kdfopt hexsalt:<salt> \
 *     -kdfopt iter:<iterations> -kdfopt id:<id> PKCS12KDF
 *
 * The password is passed as the KDF sees it (BMPString bytes, two zero bytes at the end; empty for "no
 * password"). The first two vectors are the classic published ones ("smeg" and "queeg", also in OpenSSL's
 * test/recipes/30-test_evp_data/evpkdf_pkcs12.txt), which OpenSSL reproduces.
 */

export interface KdfVector {
  hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
  /** Hex of the password bytes. */
  password: string;
  /** Hex of the salt. */
  salt: string;
  id: 1 | 2 | 3;
  iterations: number;
  /** Hex of the derived bytes; their length is the length asked for. */
  expected: string;
}

/** BMPString "smeg" and "queeg". */
const SMEG = '0073006d006500670000';
const QUEEG = '007100750065006500670000';

export const PUBLISHED: KdfVector[] = [
  { hash: 'SHA-1', password: SMEG, salt: '0a58cf64530d823f', id: 1, iterations: 1, expected: '8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3' },
  { hash: 'SHA-1', password: SMEG, salt: '0a58cf64530d823f', id: 2, iterations: 1, expected: '79993dfe048d3b76' },
  { hash: 'SHA-1', password: SMEG, salt: '0a58cf64530d823f', id: 3, iterations: 1, expected: '9ba6ef317b8cb9f4760ab2fa2e51c066f0dce645' },
  { hash: 'SHA-1', password: QUEEG, salt: '05dec959acff72f7', id: 1, iterations: 1000, expected: 'ed2034e36328830ff09df1e1a07dd357185dac0d4f9eb3d4' },
  { hash: 'SHA-1', password: QUEEG, salt: '05dec959acff72f7', id: 2, iterations: 1000, expected: '11dedad7758d4860' },
];

/** BMPString "päss" (a non-ASCII character), and the salt bytes i * 37 for i = 0..7. */
const PASS = '007000e4007300730000';
const SALT = '00254a6f94b9de03';

/**
 * Every hash the toolkit knows, 1, 2 and 2048 iterations, the three ids at the lengths a PFX asks for: a
 * 3DES key (24 bytes: two SHA-1 blocks, so the I-update between blocks runs), an IV (8), a MAC key (the
 * hash's own length).
 */
const GRID: Record<KdfVector['hash'], Record<number, [key: string, iv: string, mac: string]>> = {
  'SHA-1': {
    1: ['1f7e6934146ef99c058f2b303fcfdf4e76a80e0cd6121322', '908f22d9aaa5879b', '0e01ff5da6a244786c6312c0eb3d1870c52aacb5'],
    2: ['a94cf5dfebfa0ed6076cfbef9f535c35cc42e446111278ca', '46f510e80c7bca0d', '6a07930482666de616a532f15ee1e3e4de3470e6'],
    2048: ['fe7b2ede906fc46bc7e9a4b68b943eef59b51a30442236a6', 'c22e56c9d76f6b94', '6d04f32f5d006bfa5ea204a7d109544221d58340'],
  },
  'SHA-256': {
    1: ['ed039529a721fd09d17d09e762c7857e44d1e0ce9e1fc008', '2d65c1a5708978ed', 'd18fec4e8666d75f94513ef840087508c78c86e43608be4aa6e6166baf60d6bf'],
    2: ['e3b7b4b7a86ae7943bee19593b995f5cca2cb1b97dd7da5e', 'ee678cdcdd308fee', '9c84973629d075b1e30ab1e527fac89f2e369147268192ca12e6027c78b3248e'],
    2048: ['665b342c4a01f33552fa6935fe26caba88875e9df5078a93', '9677235ef9aa7c68', 'b7630b898fe9b58aada3240fa979857edf3e52cb6e829d839f443a8ca7b496b9'],
  },
  'SHA-384': {
    1: [
      '72baae3ab770ac40fef24843121c8c0a2780a18c5078d828',
      'cdaa7f8f7f286939',
      '6ab089580826f89da9fe394eed788307ef5bf66a8b7d849116605d0b52d320498b73f4db88b83ca33cfce2636f0c7b2e',
    ],
    2: [
      'ec09b9305c1fc207f43c8891cc4550e9c892708f7ff0b413',
      '67541a28d0580f0d',
      '1786b31b3f3462954fc8ce0338d256ab05659514c923898e002a84a34d34a7d44f44842690c64828add2b66bde1d2a41',
    ],
    2048: [
      '9c1992ad057654aca70b03aaf6cb78c51f85cf4fdef399f2',
      'c267f817f013390d',
      '6c3ade122c9ee1d3fd4393b5b2570f94e20281aff75d8412d5ef2600fcc5f07ca448423e6e454edcc337663b66123231',
    ],
  },
  'SHA-512': {
    1: [
      '888ec8cba06380e371c6cb81eb36e7c7d727bffc6c352107',
      '2c89ad4a36137c9d',
      '0bf141627ec46501f63e5aba7d5a692a5b7e7cd7c294b37b5d536ef28a9c57c5cbbf598dfef8929345041c12118be901577a341c6b3d28867240d6c4863839d6',
    ],
    2: [
      'ddc5a9573e4ca4f1e6e89b47bacf47a322c7d29b9a9d8024',
      '8dc2462e654969e6',
      '55986fd3ba0fba121d02ed26cc1b72da2fb746d4abc88ebbd742180c108d99a77530aab377dd2831cac4030c1a717ab5d801e5e9631b4e2157c4f1b304316eaa',
    ],
    2048: [
      'd6c6e105ecf5ac8374f300c41cd9e6532a13a31e66ccf227',
      '7c7eab177e204bc9',
      '36b383ee712e7a3974b6244dbb854a102e4d6d54c3c9dc25b54487e6d4ccfe8fd1b65dc3fdcd0b69f3bb31e940b6cea99e5db422f05e288d3273701a70a86f3d',
    ],
  },
};

export const HASH_GRID: KdfVector[] = Object.entries(GRID).flatMap(([hash, byIterations]) =>
  Object.entries(byIterations).flatMap(([iterations, answers]) =>
    answers.map((expected, index) => ({
      hash: hash as KdfVector['hash'],
      password: PASS,
      salt: SALT,
      id: (index + 1) as KdfVector['id'],
      iterations: Number(iterations),
      expected,
    })),
  ),
);

/** BMPString "The quick brown fox jumps over the lazy dog": 88 bytes, more than one 64-byte block. */
const FOX =
  '00540068006500200071007500690063006b002000620072006f0077006e00200066006f00780020006a0075006d007000730020006f00760065007200200074006800650020006c0061007a007900200064006f00670000';
const SALT_20 = '000102030405060708090a0b0c0d0e0f10111213';

/** Long passwords and salts that fill several blocks of I, and outputs of several hash blocks (the carry between them). */
export const LONG: KdfVector[] = [
  {
    hash: 'SHA-1',
    password: FOX,
    salt: SALT_20,
    id: 1,
    iterations: 3,
    expected:
      'c3a236be7d534fa7ecab5c72cd7e11e43519abf4041a86cf0bbef6e34bf5a4eee167647622685ef279d18fba14abaa1d8e927a3e13940264cce553f4efacb6c571356802103d05549f191be56f53e6046120e6bb03fe14e5cf2842ca3deb417c61a3736a',
  },
  {
    hash: 'SHA-512',
    password: FOX,
    salt: SALT_20,
    id: 2,
    iterations: 3,
    expected:
      '36c1c96b956acb55cc8b2ffb02c04f6f8f00f443fc94cc56434bdc87278505430199768d028d57cce07c2a24ef09ef6a5571355f632428d5f88b6e9421295edeaf5b2663238b65d0745da62715d49355161d0dfe517f5f1d11284a9a2160a7c93aa760dd5bb1575afb9e70125963551644c6d6006680080e70cb2eb0e3b2b64fabf756b32ee30840a62197c82a9d55affb5e2863c28821679d029f1ebf1c72f2c8c508a439352850a2dd2937ce20f392419b35ad28422896916c2d95588523b66378b34c28b84612',
  },
];

/** "No password" (zero bytes) and 45,001 iterations: more than two of the KDF's 20,000-round slices. */
export const SLICED: KdfVector = {
  hash: 'SHA-1',
  password: '',
  salt: SALT,
  id: 1,
  iterations: 45_001,
  expected: 'e15785aca0c61f3c19675bb042c9a4b0eb783bd762e05cb2',
};
