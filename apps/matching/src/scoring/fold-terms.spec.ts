import { foldTerms, termSpellings } from './fold-terms.js';

describe('foldTerms', () => {
  it('folds Vietnamese diacritics and đ, so "Cà phê Đắk Lắk" and "ca phe dak lak" are the same words', () => {
    expect(foldTerms('Cà phê Đắk Lắk')).toEqual(['ca', 'phe', 'dak', 'lak']);
    expect(foldTerms('ca phe dak lak')).toEqual(foldTerms('CÀ PHÊ ĐẮK LẮK'));
  });

  it('keeps each word once, in order of first use, without punctuation', () => {
    expect(foldTerms('Nông nghiệp hữu cơ; nông nghiệp sạch!')).toEqual([
      'nong',
      'nghiep',
      'huu',
      'co',
      'sach',
    ]);
  });

  it('leaves out function words and single letters, which say nothing about the subject', () => {
    expect(foldTerms('Chế biến cà phê và hạt điều của hợp tác xã a')).toEqual([
      'che',
      'bien',
      'ca',
      'phe',
      'hat',
      'dieu',
      'hop',
      'tac',
      'xa',
    ]);
  });

  it('answers no words for an empty text', () => {
    expect(foldTerms('  ')).toEqual([]);
  });

  it('keeps how each word was first written, for explanations people read', () => {
    expect([...termSpellings('Cà phê đặc sản; CÀ PHÊ rang mộc').entries()]).toEqual([
      ['ca', 'cà'],
      ['phe', 'phê'],
      ['dac', 'đặc'],
      ['san', 'sản'],
      ['rang', 'rang'],
      ['moc', 'mộc'],
    ]);
  });
});
