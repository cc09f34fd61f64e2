#pragma once
// The constants of the fdlibm ports (portable_math.cpp), shared with their two-lane forms
// (portable_math_f64x2.hpp) so that both compute with the same numbers. The hexadecimal
// comments give each constant's intended bits; the sources are cited in portable_math.cpp.

namespace actlab::portable {

// ln 2 = kLn2Hi + kLn2Lo; kLn2Hi has only 32 significant bits, so k * kLn2Hi is exact for
// every k the reductions produce (|k| <= 1075).
inline constexpr double kLn2Hi = 6.93147180369123816490e-01;   // 0x3fe62e42 fee00000
inline constexpr double kLn2Lo = 1.90821492927058770002e-10;   // 0x3dea39ef 35793c76
inline constexpr double kInvLn2 = 1.44269504088896338700e+00;  // 0x3ff71547 652b82fe
// log(DBL_MAX): e^x and e^x - 1 overflow above it.
inline constexpr double kOverflowThreshold = 7.09782712893383973096e+02;  // 0x40862e42 fefa39ef

// exp: R(r^2) = 2 + P1 r^2 + ... + P5 r^10 (fdlibm e_exp.c).
inline constexpr double kP1 = 1.66666666666666019037e-01;   // 0x3fc55555 5555553e
inline constexpr double kP2 = -2.77777777770155933842e-03;  // 0xbf66c16c 16bebd93
inline constexpr double kP3 = 6.61375632143793436117e-05;   // 0x3f11566a af25de2c
inline constexpr double kP4 = -1.65339022054652515390e-06;  // 0xbebbbd41 c5d26bf1
inline constexpr double kP5 = 4.13813679705723846039e-08;   // 0x3e663769 72bea4d0
// log(2^-1075): below it e^x rounds to 0.
inline constexpr double kUnderflowThreshold = -7.45133219101941108420e+02;  // 0xc0874910 d52d3051

// expm1: R1(r^2) = 1 + Q1 r^2 + ... + Q5 r^10, Q_n scaled by 2^n (musl expm1.c).
inline constexpr double kQ1 = -3.33333333333331316428e-02;  // 0xbfa11111 111110f4
inline constexpr double kQ2 = 1.58730158725481460165e-03;   // 0x3f5a01a0 19fe5585
inline constexpr double kQ3 = -7.93650757867487942473e-05;  // 0xbf14ce19 9eaadbb7
inline constexpr double kQ4 = 4.00821782732936239552e-06;   // 0x3ed0cfca 86e65239
inline constexpr double kQ5 = -2.01099218183624371326e-07;  // 0xbe8afdb7 6e09c32d

// log and log1p: R = Lg1 s^2 + ... + Lg7 s^14 (fdlibm e_log.c).
inline constexpr double kLg1 = 6.666666666666735130e-01;  // 0x3fe55555 55555593
inline constexpr double kLg2 = 3.999999999940941908e-01;  // 0x3fd99999 9997fa04
inline constexpr double kLg3 = 2.857142874366239149e-01;  // 0x3fd24924 94229359
inline constexpr double kLg4 = 2.222219843214978396e-01;  // 0x3fcc71c5 1d8e78af
inline constexpr double kLg5 = 1.818357216161805012e-01;  // 0x3fc74664 96cb03de
inline constexpr double kLg6 = 1.531383769920937332e-01;  // 0x3fc39a09 d078c69f
inline constexpr double kLg7 = 1.479819860511658591e-01;  // 0x3fc2f112 df3e5244

// erfc for 0.84375 <= |x| < 1.25: erx = erf(1) cut to 24 bits, erf(|x|) = erx + P(s)/Q(s).
inline constexpr double kErx = 8.45062911510467529297e-01;   // 0x3feb0ac1 60000000
inline constexpr double kPa0 = -2.36211856075265944077e-03;  // 0xbf6359b8 bef77538
inline constexpr double kPa1 = 4.14856118683748331666e-01;   // 0x3fda8d00 ad92b34d
inline constexpr double kPa2 = -3.72207876035701323847e-01;  // 0xbfd7d240 fbb8c3f1
inline constexpr double kPa3 = 3.18346619901161753674e-01;   // 0x3fd45fca 805120e4
inline constexpr double kPa4 = -1.10894694282396677476e-01;  // 0xbfbc6398 3d3e28ec
inline constexpr double kPa5 = 3.54783043256182359371e-02;   // 0x3fa22a36 599795eb
inline constexpr double kPa6 = -2.16637559486879084300e-03;  // 0xbf61bf38 0a96073f
inline constexpr double kQa1 = 1.06420880400844228286e-01;   // 0x3fbb3e66 18eee323
inline constexpr double kQa2 = 5.40397917702171048937e-01;   // 0x3fe14af0 92eb6f33
inline constexpr double kQa3 = 7.18286544141962662868e-02;   // 0x3fb2635c d99fe9a7
inline constexpr double kQa4 = 1.26171219808761642112e-01;   // 0x3fc02660 e763351f
inline constexpr double kQa5 = 1.36370839120290507362e-02;   // 0x3f8bedc2 6b51dd1c
inline constexpr double kQa6 = 1.19844998467991074170e-02;   // 0x3f888b54 5735151d

// erfc for 1.25 <= |x| < 1/0.35: R(1/x^2)/S(1/x^2).
inline constexpr double kRa0 = -9.86494403484714822705e-03;  // 0xbf843412 600d6435
inline constexpr double kRa1 = -6.93858572707181764372e-01;  // 0xbfe63416 e4ba7360
inline constexpr double kRa2 = -1.05586262253232909814e+01;  // 0xc0251e04 41b0e726
inline constexpr double kRa3 = -6.23753324503260060396e+01;  // 0xc04f300a e4cba38d
inline constexpr double kRa4 = -1.62396669462573470355e+02;  // 0xc0644cb1 84282266
inline constexpr double kRa5 = -1.84605092906711035994e+02;  // 0xc067135c ebccabb2
inline constexpr double kRa6 = -8.12874355063065934246e+01;  // 0xc0545265 57e4d2f2
inline constexpr double kRa7 = -9.81432934416914548592e+00;  // 0xc023a0ef c69ac25c
inline constexpr double kSa1 = 1.96512716674392571292e+01;   // 0x4033a6b9 bd707687
inline constexpr double kSa2 = 1.37657754143519042600e+02;   // 0x4061350c 526ae721
inline constexpr double kSa3 = 4.34565877475229228821e+02;   // 0x407b290d d58a1a71
inline constexpr double kSa4 = 6.45387271733267880336e+02;   // 0x40842b19 21ec2868
inline constexpr double kSa5 = 4.29008140027567833386e+02;   // 0x407ad021 57700314
inline constexpr double kSa6 = 1.08635005541779435134e+02;   // 0x405b28a3 ee48ae2c
inline constexpr double kSa7 = 6.57024977031928170135e+00;   // 0x401a47ef 8e484a93
inline constexpr double kSa8 = -6.04244152148580987438e-02;  // 0xbfaeeff2 ee749a62

// erfc for 1/0.35 <= |x| < 28.
inline constexpr double kRb0 = -9.86494292470009928597e-03;  // 0xbf843412 39e86f4a
inline constexpr double kRb1 = -7.99283237680523006574e-01;  // 0xbfe993ba 70c285de
inline constexpr double kRb2 = -1.77579549177547519889e+01;  // 0xc031c209 555f995a
inline constexpr double kRb3 = -1.60636384855821916062e+02;  // 0xc064145d 43c5ed98
inline constexpr double kRb4 = -6.37566443368389627722e+02;  // 0xc083ec88 1375f228
inline constexpr double kRb5 = -1.02509513161107724954e+03;  // 0xc0900461 6a2e5992
inline constexpr double kRb6 = -4.83519191608651397019e+02;  // 0xc07e384e 9bdc383f
inline constexpr double kSb1 = 3.03380607434824582924e+01;   // 0x403e568b 261d5190
inline constexpr double kSb2 = 3.25792512996573918826e+02;   // 0x40745cae 221b9f0a
inline constexpr double kSb3 = 1.53672958608443695994e+03;   // 0x409802eb 189d5118
inline constexpr double kSb4 = 3.19985821950859553908e+03;   // 0x40a8ffb7 688c246a
inline constexpr double kSb5 = 2.55305040643316442583e+03;   // 0x40a3f219 cedf3be6
inline constexpr double kSb6 = 4.74528541206955367215e+02;   // 0x407da874 e79fe763
inline constexpr double kSb7 = -2.24409524465858183362e+01;  // 0xc03670e2 42712d62

// erfc for |x| < 0.84375: erf(x) = x + x R(x^2), R = P(x^2)/Q(x^2).
inline constexpr double kPp0 = 1.28379167095512558561e-01;   // 0x3fc06eba 8214db68
inline constexpr double kPp1 = -3.25042107247001499370e-01;  // 0xbfd4cd7d 691cb913
inline constexpr double kPp2 = -2.84817495755985104766e-02;  // 0xbf9d2a51 dbd7194f
inline constexpr double kPp3 = -5.77027029648944159157e-03;  // 0xbf77a291 236668e4
inline constexpr double kPp4 = -2.37630166566501626084e-05;  // 0xbef8ead6 120016ac
inline constexpr double kQq1 = 3.97917223959155352819e-01;   // 0x3fd97779 cddadc09
inline constexpr double kQq2 = 6.50222499887672944485e-02;   // 0x3fb0a54c 5536ceba
inline constexpr double kQq3 = 5.08130628187576562776e-03;   // 0x3f74d022 c4d36b0f
inline constexpr double kQq4 = 1.32494738004321644526e-04;   // 0x3f215dc9 221c1a10
inline constexpr double kQq5 = -3.96022827877536812320e-06;  // 0xbed09c43 42a26120

}  // namespace actlab::portable
